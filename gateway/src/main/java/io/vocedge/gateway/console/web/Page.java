package io.vocedge.gateway.console.web;

import io.vocedge.gateway.console.auth.ConsoleUser;

/**
 * What the layout needs on every console page: the signed-in user (null on the sign-in page), the session's CSRF token
 * (for forms and htmx requests), the language, which navigation entry is active and the page title. Features that add
 * pages (e.g. alert cases) render with {@link Templates#page} and the same layout.
 */
public record Page(String title, String active, ConsoleUser user, String csrf, I18n i18n, String path) {
    public String t(String key) {
        return i18n.t(key);
    }

    public String t(String key, Object... args) {
        return i18n.t(key, args);
    }

    public String lang() {
        return i18n.lang();
    }

    /** The current page in the other language (the language switch). */
    public String otherLangHref() {
        return path + (path.contains("?") ? "&" : "?") + "lang=" + (I18n.ZH.equals(lang()) ? I18n.EN : I18n.ZH);
    }

    public String otherLangName() {
        return I18n.ZH.equals(lang()) ? "English" : "中文";
    }
}
