package be.obmi.warehouse;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * When the warehouse is rebuilt: at start-up when there is none yet (in the background,
 * after the demo data: an application runner runs after every module's
 * {@code ApplicationModuleInitializer}), and every night
 * ({@code obmi.warehouse.rebuild-cron}, default 02:30).
 */
@Configuration(proxyBeanMethods = false)
class WarehouseSchedule implements ApplicationRunner {

	private final WarehouseRebuild rebuild;

	private final boolean atStartup;

	WarehouseSchedule(WarehouseRebuild rebuild, @Value("${obmi.warehouse.build-at-startup:true}") boolean atStartup) {
		this.rebuild = rebuild;
		this.atStartup = atStartup;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (atStartup && !rebuild.exists()) {
			Thread.ofVirtual().name("warehouse-first-build").start(() -> rebuild.rebuild("eerste start"));
		}
	}

	@Scheduled(cron = "${obmi.warehouse.rebuild-cron:0 30 2 * * *}")
	@SchedulerLock(name = "warehouse.nightly-rebuild", lockAtMostFor = "PT3H", lockAtLeastFor = "PT5M")
	void nightly() {
		rebuild.rebuild("nachtelijk");
	}

}
