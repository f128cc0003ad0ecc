package io.vocedge.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.gateway.console.Conversations.Line;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Search and Trends in real headless Chromium ({@link Browser}): a two-character Chinese word typed into the search
 * box finds and marks the right utterances; Trends draws its ECharts charts (from the gateway's own webjar copy) and
 * filtering to one site narrows the charts, the compare table and the CSV links. Screenshots of every step land in
 * target/screenshots/SearchTrendsBrowserIT/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTrendsBrowserIT {
    ConsoleStack stack;
    Browser browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        stack = ConsoleStack.sqlite(dir);
        stack.user("ana", "analyst");
        Instant d1 = Instant.parse("2026-12-01T09:00:00Z");
        stack.store.commit(new Conversations()
                .add(
                        "dev-a1",
                        "site-a",
                        "conv-a",
                        d1,
                        true,
                        "escalation: asked for a manager",
                        -0.6,
                        new Line("staff", "zh", "欢迎 光临", "neutral", null, null),
                        new Line("customer", "zh", "我 的 定金 还 没 退", "negative", "deposit_refund", "定金"))
                .compliance(false, true, true)
                .add(
                        "dev-b1",
                        "site-b",
                        "conv-b",
                        d1.plusSeconds(3600),
                        false,
                        null,
                        0.4,
                        new Line("customer", "zh", "定金 已经 收到 了 谢谢", "positive", "deposit_refund", "定金"),
                        new Line("customer", "en", "the price is fair", "positive", "price", "price"))
                .compliance(true, true, false)
                .add(
                        "dev-b1",
                        "site-b",
                        "conv-b2",
                        d1.plusSeconds(86_400),
                        false,
                        null,
                        0.1,
                        new Line("customer", "zh", "价格 太 贵 了", "negative", "price", "价格"))
                .transaction());
        browser = Browser.start(stack.base, SearchTrendsBrowserIT.class);
        browser.open("/console/search").login("ana", ConsoleStack.PW);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aTwoCharacterChineseWordIsFoundAndMarked() throws Exception {
        browser.desktop().open("/console/search");
        browser.type(By.id("q"), "定金");
        browser.find(By.id("search-submit")).click();
        browser.waitFor(
                d -> !d.findElements(By.cssSelector("#results tbody tr")).isEmpty());
        browser.shot("search-dingjin");
        List<WebElement> rows = browser.all(By.cssSelector("#results tr.hit"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("定金 已经 收到 了 谢谢").contains("site-b");
        assertThat(rows.get(1).getText()).contains("我 的 定金 还 没 退").contains("site-a");
        assertThat(browser.all(By.cssSelector("#results mark")))
                .extracting(WebElement::getText)
                .containsOnly("定金");
        assertThat(browser.text()).doesNotContain("价格 太 贵");

        new Select(browser.find(By.id("f-site"))).selectByValue("site-a");
        browser.find(By.id("search-submit")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("site=site-a"));
        assertThat(browser.all(By.cssSelector("#results tr.hit")))
                .singleElement()
                .satisfies(r -> assertThat(r.getText()).contains("我 的 定金 还 没 退"));
        browser.shot("search-dingjin-site-a");
        browser.find(By.cssSelector("#results tr.hit a")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/console/conversations/dev-a1/conv-a"));
        assertThat(browser.find(By.id("attention-reason")).getText()).contains("asked for a manager");

        browser.phone().visit("/console/search?q=" + ConsoleStack.enc("定金") + "&lang=zh", "search-phone-zh");
        assertThat(browser.find(By.id("search-submit")).getText()).isEqualTo("搜索");
        assertThat(browser.overflowsHorizontally())
                .as("search page fits a phone")
                .isFalse();
        browser.desktop().open("/console/search?lang=en");
    }

    @Test
    void trendsDrawChartsAndFilteringToOneSiteNarrowsThem() throws Exception {
        browser.desktop().open("/console/trends?since=2026-11-30&until=2026-12-02");
        waitForCharts();
        browser.shot("trends-all-sites");
        assertThat(siteRows()).containsExactly("site-b", "site-a");
        Object legend = browser.script("return echarts.getInstanceByDom(document.getElementById('chart-experience'))"
                + ".getOption().series.map(function (s) { return s.name; }).join(',');");
        assertThat(legend).isEqualTo("site-b,site-a");

        Select sites = new Select(browser.find(By.id("f-site")));
        sites.deselectAll();
        sites.selectByValue("site-a");
        new Select(browser.find(By.id("f-period"))).selectByValue("week");
        browser.find(By.id("trends-apply")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("site=site-a"));
        waitForCharts();
        browser.shot("trends-site-a-weekly");
        assertThat(siteRows()).containsExactly("site-a");
        Object periods = browser.script("return echarts.getInstanceByDom(document.getElementById('chart-volume'))"
                + ".getOption().xAxis[0].data.join(',');");
        assertThat(periods).as("weeks start on Monday").isEqualTo("2026-11-30");
        assertThat(browser.find(By.id("csv-volume")).getAttribute("href"))
                .contains("chart=volume")
                .contains("period=week")
                .contains("site=site-a");

        browser.phone().open("/console/trends?since=2026-11-30&until=2026-12-02&lang=zh");
        waitForCharts();
        browser.shot("trends-phone-zh");
        assertThat(browser.text()).contains("门店对比");
        browser.desktop().open("/console/trends?lang=en");
    }

    private void waitForCharts() {
        browser.waitFor(d -> d.findElements(By.cssSelector(".chart svg")).size() == 4);
    }

    private List<String> siteRows() {
        return browser.all(By.cssSelector("#site-totals tr.site-total")).stream()
                .map(e -> e.getAttribute("data-site"))
                .toList();
    }
}
