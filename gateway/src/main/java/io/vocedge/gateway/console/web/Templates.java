package io.vocedge.gateway.console.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the console's jte templates (src/main/jte, compiled into the jar at build time; HTML output escapes every
 * value). Pages are sent with security headers: a Content-Security-Policy allowing scripts only from the gateway
 * itself (no inline scripts, no CDN), no framing, no caching of transcripts.
 */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        return out.toString();
    }

    /** Renders a page (with {@code page} among its params) and sends it. */
    public void page(Context ctx, String template, Map<String, Object> params) {
        secure(ctx);
        ctx.html(render(template, params));
    }

    public static void secure(Context ctx) {
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }
}
