package io.vocedge.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vocedge.gateway.console.Conversations.Line;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "sanitise every device-supplied string before a web page shows it": a device controls its conversation
 * ids, transcript text, language tag, topic ids, evidence terms and attention reason. Stored through the real commit,
 * they come back in the console's pages (the attention list, its htmx rows, the conversation page, search) as text:
 * no markup of theirs survives, links are URL-encoded, and the pages forbid inline script (CSP) in any case.
 */
class DeviceTextInPagesIT {
    /** The device's markup as a browser would parse it (the pages' own script tags load assets only). */
    private static final List<String> MARKUP =
            List.of("<script>alert", "<img src=x", "<b>bold", "<i>deposit", "<svg onload");

    @TempDir
    Path dir;

    @Test
    void markupFromADeviceIsShownAsTextInEveryConsolePage() throws Exception {
        try (ConsoleStack stack = ConsoleStack.sqlite(dir)) {
            stack.user("ana", "analyst");
            String conv = "c<img src=x onerror=alert(1)>";
            Instant at = Instant.now().minus(10, ChronoUnit.MINUTES);
            stack.store.commit(new Conversations()
                    .add(
                            "dev-evil1",
                            "site-a",
                            conv,
                            at,
                            true,
                            "<script>alert('reason')</script>",
                            -0.7,
                            new Line(
                                    "customer",
                                    "en' onmouseover='alert(1)",
                                    "refund <script>alert(1)</script> & <b>bold</b>",
                                    "negative",
                                    "t<svg onload=alert(1)>",
                                    "<i>deposit</i>"))
                    .transaction());
            String cookie = stack.login("ana");

            String today = page(stack, "/console/today", cookie);
            String rows = page(stack, "/console/today/rows", cookie);
            String conversation = page(
                    stack,
                    "/console/conversations/dev-evil1/" + ConsoleStack.enc(conv).replace("+", "%20"),
                    cookie);
            String search = page(stack, "/console/search?q=refund", cookie);

            for (String body : List.of(today, rows, conversation, search)) {
                for (String m : MARKUP) {
                    assertThat(body).as("device markup %s in a page", m).doesNotContain(m);
                }
            }
            assertThat(today + rows)
                    .contains("&lt;script&gt;alert('reason')&lt;/script&gt;")
                    .contains("t&lt;svg onload=alert(1)&gt;")
                    .contains("/console/conversations/dev-evil1/c%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E");
            assertThat(conversation)
                    .contains("c&lt;img src=x onerror=alert(1)&gt;")
                    .contains("refund &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
                    .containsPattern("lang=\"en(&#39;|')? onmouseover=(&#39;|')alert\\(1\\)\"")
                    .contains("&lt;i&gt;deposit&lt;/i&gt;");
            assertThat(search).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    private static String page(ConsoleStack stack, String path, String cookie) throws Exception {
        HttpResponse<String> r = stack.get(path, cookie);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                .as(path)
                .contains("script-src 'self'");
        return r.body();
    }
}
