package be.obmi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.function.Function;

/**
 * A headless Debian Chromium driven by the system chromedriver (nothing is downloaded).
 * One per test class: {@code try (Browser browser = Browser.start(port)) …} or as a field
 * closed in {@code @AfterAll}.
 */
public final class Browser implements AutoCloseable {

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final WebDriver driver;

	private final String baseUrl;

	private Browser(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	public static Browser start(int port) {
		String chromium = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
		String chromedriver = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1000", "--lang=nl-BE");
		// the console (CSP violations, failed requests) for consoleProblems()
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(chromedriver).toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return new Browser(driver, "http://localhost:" + port);
	}

	public WebDriver driver() {
		return driver;
	}

	public Browser open(String path) {
		driver.get(baseUrl + path);
		return this;
	}

	public String path() {
		return driver.getCurrentUrl().substring(baseUrl.length());
	}

	public WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> findAll(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	public String text(String css) {
		return find(css).getText();
	}

	public Browser type(String css, String value) {
		WebElement element = find(css);
		element.clear();
		element.sendKeys(value);
		return this;
	}

	public Browser click(String css) {
		find(css).click();
		return this;
	}

	/**
	 * Waits until the condition holds; a condition that reads an element while the page
	 * is replaced (after a form post) is tried again instead of failing on the stale
	 * element.
	 */
	public void waitUntil(Function<WebDriver, Boolean> condition) {
		new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	/** Logs in through the login form and waits until the login page is left. */
	public Browser login(String username, String password) {
		open("/login");
		type("#username", username);
		type("#password", password);
		click("form.stacked button[type=submit]");
		waitUntil(d -> !d.getCurrentUrl().contains("/login"));
		return this;
	}

	/** Saves a PNG of the current page under {@code target/screenshots/}. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs axe-core (WCAG 2.1 A and AA rules) on the current page and fails on serious or
	 * critical violations.
	 */
	public void assertAccessible() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(driver);
		List<Rule> serious = results.getViolations()
			.stream()
			.filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
			.toList();
		assertThat(serious)
			.as(() -> "axe-core violations on " + driver.getCurrentUrl() + ":\n"
					+ serious.stream()
						.map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
								+ v.getNodes()
									.stream()
									.map(n -> n.getTarget().toString())
									.limit(5)
									.collect(Collectors.joining(", ")))
						.collect(Collectors.joining("\n")))
			.isEmpty();
	}

	/**
	 * The console messages since the last call that report a problem: errors (a refused
	 * inline style or script, a failed request) and anything naming the Content Security
	 * Policy.
	 */
	/**
	 * Checks the open page as every browser test does: a screenshot, axe (no serious or
	 * critical violation) and a console without problems.
	 */
	public void checkPage(String what, String screenshot) {
		screenshot(screenshot);
		assertAccessible();
		assertThat(consoleProblems()).as("console of " + what).isEmpty();
	}

	public List<String> consoleProblems() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()
					|| e.getMessage().contains("Content Security Policy"))
			.map(LogEntry::getMessage)
			.toList();
	}

	/** Resizes the window (the viewport follows in headless Chromium). */
	public Browser windowSize(int width, int height) {
		driver.manage().window().setSize(new Dimension(width, height));
		return this;
	}

	@Override
	public void close() {
		driver.quit();
	}

}
