package io.vocedge.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.tinylog.Logger;

/**
 * One error shape for the whole server: {@code {"error": "..."}} naming the problem and, where there is one, the fix.
 * Never a stack trace or an exception's text: an unexpected failure answers 500 with an id that finds the full
 * story in the gateway's log. Errors Jetty raises before a route runs (header too large, body too large, malformed
 * request line) get the same shape from {@link JettyErrors}. The console (issue 14) may add an HTML variant for its
 * page paths; API paths ({@code /api/}, {@code /admin/}) always answer JSON.
 */
final class JsonErrors {
    private JsonErrors() {}

    static void register(RoutesConfig routes, long maxBodyBytes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            String msg = e.getMessage();
            if (e.getStatus() == 404
                    && (msg == null || msg.isBlank() || e instanceof io.javalin.http.NotFoundResponse)) {
                msg = "no such endpoint: " + ctx.method() + " " + ctx.path() + " (see gateway/README.md, HTTP)";
            } else if (e.getStatus() == 413) {
                msg = "request body larger than " + maxBodyBytes + " bytes";
            }
            send(ctx, e.getStatus(), msg == null || msg.isBlank() ? reason(e.getStatus()) : msg);
        });
        // Bad input found by a route (a malformed filter, say): 400 with the message naming the fix.
        routes.exception(io.vocedge.common.cli.BadInputException.class, (e, ctx) -> send(ctx, 400, e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            Integer jetty = jettyStatus(e);
            if (jetty != null) {
                // A limit Jetty enforces while the body is read (e.g. a chunked body over max_body): its status, not
                // 500.
                ctx.status(jetty)
                        .json(Map.of(
                                "error",
                                jetty == 413 ? "request body larger than " + maxBodyBytes + " bytes" : reason(jetty)));
                return;
            }
            String id = UUID.randomUUID().toString().substring(0, 8);
            Logger.error(e, "event=http_error error_id={} method={} path={}", id, ctx.method(), ctx.path());
            send(ctx, 500, "internal error " + id + ": see the gateway log (event=http_error error_id=" + id + ")");
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                notFound(ctx);
            }
        });
    }

    /** JSON, or the request's {@link ErrorPage} when a feature attached one (console pages). */
    private static void send(Context ctx, int status, String message) {
        ErrorPage page = ctx.attribute(ErrorPage.ATTRIBUTE);
        ctx.status(status);
        if (page != null) {
            try {
                page.render(ctx, status, message);
                return;
            } catch (RuntimeException e) {
                Logger.warn("event=error_page_failed status={} error=\"{}\"", status, e.toString());
            }
        }
        ctx.json(Map.of("error", message));
    }

    private static void notFound(Context ctx) {
        ErrorPage page = ctx.attribute(ErrorPage.ATTRIBUTE);
        if (page != null) {
            page.render(ctx, 404, "no such page: " + ctx.path());
            return;
        }
        ctx.json(Map.of(
                "error", "no such endpoint: " + ctx.method() + " " + ctx.path() + " (see gateway/README.md, HTTP)"));
    }

    private static Integer jettyStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException he && he.getCode() >= 400 && he.getCode() < 500) {
                return he.getCode();
            }
        }
        return null;
    }

    static String reason(int status) {
        String r = HttpStatus.getMessage(status);
        return r == null ? "HTTP " + status : r.toLowerCase(java.util.Locale.ROOT);
    }

    /** Jetty's own errors (before any route): JSON, no stack, no exception text. */
    static final class JettyErrors extends ErrorHandler {
        private final ObjectMapper json;
        private final long maxBody;
        private final int maxHeader;

        JettyErrors(ObjectMapper json, long maxBody, int maxHeader) {
            this.json = json;
            this.maxBody = maxBody;
            this.maxHeader = maxHeader;
            setShowStacks(false);
            setShowCauses(false);
            setShowMessageInTitle(false);
        }

        @Override
        protected void generateResponse(
                Request request, Response response, int code, String message, Throwable cause, Callback callback)
                throws IOException {
            String text = switch (code) {
                case 413 -> "request body larger than " + maxBody + " bytes";
                case 431 -> "request line and headers larger than " + maxHeader + " bytes";
                case 400 -> "malformed HTTP request";
                default -> reason(code);
            };
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", text);
            byte[] bytes = json.writeValueAsBytes(body);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
            response.write(true, ByteBuffer.wrap(bytes), callback);
        }
    }
}
