package io.vocedge.gateway.http;

import io.javalin.http.Context;

/**
 * An HTML rendering of an error for browser pages. A feature whose pages are HTML (the console) puts one on the
 * request with {@link #attach} in a before-handler; {@link JsonErrors} then answers errors on that request with it
 * instead of JSON. The message is already safe to show (never an exception's text).
 */
@FunctionalInterface
public interface ErrorPage {
    String ATTRIBUTE = "voc.error-page";

    void render(Context ctx, int status, String message);

    static void attach(Context ctx, ErrorPage page) {
        ctx.attribute(ATTRIBUTE, page);
    }
}
