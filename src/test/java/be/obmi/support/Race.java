package be.obmi.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the same work on several threads released together by a barrier, and returns what
 * each returned (an exception it threw is returned as its outcome), in thread order.
 */
public final class Race {

	private Race() {
	}

	public static List<Object> of(int runners, Supplier<?> work) {
		CyclicBarrier start = new CyclicBarrier(runners);
		ExecutorService pool = Executors.newFixedThreadPool(runners);
		try {
			List<CompletableFuture<Object>> outcomes = new ArrayList<>();
			for (int i = 0; i < runners; i++) {
				outcomes.add(CompletableFuture.supplyAsync(() -> {
					try {
						start.await(30, TimeUnit.SECONDS);
						return work.get();
					}
					catch (Exception ex) {
						return ex;
					}
				}, pool));
			}
			return outcomes.stream().map(CompletableFuture::join).toList();
		}
		finally {
			pool.shutdownNow();
		}
	}

}
