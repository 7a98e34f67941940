package uk.gov.analyticalplatform.api.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven by its chromedriver (Selenium cannot download drivers
 * here), with an accessibility check of every page it is asked to look at, and of every
 * other page of the control panel a test reaches, once per run.
 */
final class Browser implements AutoCloseable {

	/**
	 * The pages (paths with ids and numbers replaced) axe has checked in this run. Every
	 * page of the control panel a browser test reaches is checked once, when the test
	 * leaves it (the next navigation or click, or the end of the test), on top of the
	 * checks tests ask for in particular states ({@link #assertAccessible}): no page a
	 * browser test visits goes unchecked.
	 */
	private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

	/**
	 * Run in every page before its own scripts: keeps the page's EventSources (its
	 * progress streams), so that {@link #holdStill} can close them.
	 */
	private static final String TRACK_STREAMS = """
			(() => {
			  const Native = window.EventSource
			  if (!Native) { return }
			  const streams = []
			  window.EventSource = class extends Native {
			    constructor(...args) { super(...args); streams.push(this) }
			  }
			  window.closeEventSources = () => streams.forEach((stream) => stream.close())
			})()
			""";

	/**
	 * An EventSource whose streams never open: each error {@link #failStreams} fires is
	 * one a browser sees when a stream's connection drops and it tries again (readyState
	 * still CONNECTING), as behind a proxy that cuts every stream.
	 */
	private static final String FAILING_STREAMS = """
			(() => {
			  const streams = []
			  class FailingEventSource extends EventTarget {
			    constructor(url) { super(); this.url = url; this.readyState = 0; streams.push(this) }
			    close() { this.readyState = 2 }
			  }
			  Object.assign(FailingEventSource, { CONNECTING: 0, OPEN: 1, CLOSED: 2 })
			  window.EventSource = FailingEventSource
			  window.streamsOpened = () => streams.length
			  window.failStreams = () => streams.filter((stream) => stream.readyState !== 2)
			    .forEach((stream) => stream.dispatchEvent(new Event('error')))
			})()
			""";

	/** The system property naming the folder screenshots go to. */
	static final String SCREENSHOTS = "platform.screenshots";

	private final WebDriver driver;

	private final String base;

	Browser(int port) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,1024", "--user-data-dir=" + freshProfile());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		ChromeDriver chrome = new ChromeDriver(service, options);
		chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRACK_STREAMS));
		this.driver = chrome;
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		this.base = "http://127.0.0.1:" + port;
	}

	/**
	 * Makes every page from now on run as in a browser without {@code EventSource}, as an
	 * old one, or one whose streams a proxy breaks.
	 */
	void withoutEventSource() {
		((ChromeDriver) this.driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", "delete window.EventSource"));
	}

	/**
	 * Makes every page from now on run with an EventSource whose streams keep failing
	 * (they fail when {@link #failStreams} says so).
	 */
	void withFailingEventSource() {
		((ChromeDriver) this.driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", FAILING_STREAMS));
	}

	/**
	 * Fails every stream the page holds open once; returns how many it has opened in all.
	 */
	long failStreams() {
		script("window.failStreams()");
		return (Long) script("return window.streamsOpened()");
	}

	void open(String path) {
		checkOnce();
		this.driver.get(this.base + path);
	}

	/**
	 * Goes to a path as a link would, without waiting for the page to load: for a page
	 * that moves on by itself to a host that does not resolve here (a tool's), where
	 * {@link #open} would fail on that navigation's error.
	 */
	void go(String path) {
		checkOnce();
		script("window.location.assign(arguments[0]);", this.base + path);
	}

	/**
	 * Signs in with a password and a code from the authenticator, and waits for the home
	 * page.
	 */
	void signIn(String username, String password, String code) {
		open("/sign-in");
		type("username", username);
		type("password", password);
		click("#sign-in");
		awaitPath("/sign-in/two-factor");
		type("code", code);
		click("#verify");
		awaitPath("/");
	}

	/** Signs out with the navigation's button and waits for the sign-in page. */
	void signOut() {
		click("#sign-out");
		awaitPath("/sign-in");
	}

	/** Reloads the page, as the browser's refresh button does. */
	void refresh() {
		checkOnce();
		this.driver.navigate().refresh();
	}

	/** The whole address the browser is at, on this server or elsewhere. */
	String url() {
		return this.driver.getCurrentUrl();
	}

	/**
	 * Stops the page loading, closes its event streams and cancels its pending timers (a
	 * page that follows a stream or polls, and moves on by itself), so that it can be
	 * checked and pictured; {@link #go} to it again to go on.
	 */
	void holdStill() {
		script("if (window.closeEventSources) { window.closeEventSources() }; window.stop();"
				+ " for (let id = setTimeout(() => {}, 0); id > 0; id--) { clearTimeout(id) }");
	}

	/** An attribute of the element, or {@code null} when it has none. */
	String attribute(String css, String name) {
		return find(css).getAttribute(name);
	}

	String path() {
		return this.driver.getCurrentUrl().substring(this.base.length()).replaceAll("\\?.*", "");
	}

	/** Waits for the browser to arrive at a path, as after submitting a form. */
	void awaitPath(String expected) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(path()).isEqualTo(expected));
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	void type(String id, String text) {
		WebElement field = find("#" + id);
		field.clear();
		field.sendKeys(text);
	}

	/** Chooses an option of a select by its visible text. */
	void select(String id, String text) {
		new Select(find("#" + id)).selectByVisibleText(text);
	}

	void click(String css) {
		checkOnce();
		find(css).click();
	}

	String text(String css) {
		return find(css).getText();
	}

	/**
	 * Waits for an element to contain a text, as after submitting a form that comes back
	 * to a page like the one it left (the old page's element may be read, or go stale,
	 * before the new page arrives).
	 */
	void awaitText(String css, String expected) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(text(css)).contains(expected));
	}

	/** Like {@link #awaitText}, for a text that matches a regular expression. */
	void awaitTextMatching(String css, String regex) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(text(css)).containsPattern(regex));
	}

	/**
	 * Fetches a path with the browser's session, as a download link would, and returns
	 * the response's status and body.
	 */
	String fetch(String path) {
		Object result = ((JavascriptExecutor) this.driver)
			.executeAsyncScript(
					"const done = arguments[arguments.length - 1];"
							+ "fetch(arguments[0]).then((r) => r.text().then((t) => done(r.status + '\\n' + t)));",
					path);
		return String.valueOf(result);
	}

	/** Runs a script in the page and returns its result. */
	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/**
	 * Saves what the browser shows as {@code <name>.png} in the folder named by the
	 * system property {@value #SCREENSHOTS} ({@code make screenshots} sets it to
	 * {@code docs/images}, for the user guide); does nothing without it. Only pages the
	 * tests reach are ever pictured, so the guide shows screens that exist.
	 */
	void screenshot(String name) {
		String folder = System.getProperty(SCREENSHOTS);
		if (folder == null || folder.isBlank()) {
			return;
		}
		try {
			Path target = Path.of(folder).resolve(name + ".png");
			Files.createDirectories(target.getParent());
			Files.write(target, Base64.getDecoder().decode(fullPage()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The whole page, not only the window, as base64 PNG (Chrome DevTools protocol). */
	private String fullPage() {
		Number height = (Number) ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollHeight");
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", 1280, "height", height.intValue(), "scale", 1);
		Map<String, Object> shot = ((ChromeDriver) this.driver).executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
		return (String) shot.get("data");
	}

	/**
	 * Fails on any serious or critical WCAG 2.x A/AA violation axe-core finds on this
	 * page.
	 */
	void assertAccessible() {
		List<String> violations = seriousViolations();
		assertThat(violations).as("accessibility of " + path()).isEmpty();
		CHECKED.add(template(path()));
	}

	/**
	 * Checks the control panel's page the browser is on, unless a page like it has been
	 * checked in this run.
	 */
	private void checkOnce() {
		String url = this.driver.getCurrentUrl();
		if (url == null || !url.startsWith(this.base + "/")) {
			return;
		}
		String template = template(path());
		if (CHECKED.contains(template)) {
			return;
		}
		List<String> violations;
		try {
			violations = seriousViolations();
		}
		catch (RuntimeException ex) {
			return; // the page moved on by itself while axe read it: its next visit is
					// checked
		}
		CHECKED.add(template);
		assertThat(violations).as("accessibility of " + path() + ", checked on the way through").isEmpty();
	}

	/** The serious and critical WCAG 2.x A/AA violations axe-core finds on this page. */
	private List<String> seriousViolations() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(this.driver);
		return results.getViolations()
			.stream()
			.filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(Browser::describe)
			.toList();
	}

	/** A path with its ids and numbers replaced: pages alike are checked once. */
	static String template(String path) {
		return path.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}")
			.replaceAll("/[0-9]+(?=/|$)", "/{n}");
	}

	/** The violations of the given axe rules on this page, whatever their impact. */
	List<String> violations(String... rules) {
		Results results = new AxeBuilder().withRules(List.of(rules)).analyze(this.driver);
		return results.getViolations().stream().map(Browser::describe).toList();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList();
	}

	private static String freshProfile() {
		try {
			File profile = Files.createTempDirectory("chromium-profile").toFile();
			profile.deleteOnExit();
			return profile.getAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			checkOnce();
		}
		finally {
			this.driver.quit();
		}
	}

}
