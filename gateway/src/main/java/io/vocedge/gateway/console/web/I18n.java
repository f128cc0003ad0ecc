package io.vocedge.gateway.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The console's words in English and Chinese ({@code console/messages_<lang>.properties}, UTF-8). The language is the
 * {@code lang} query parameter (remembered in a cookie), else the cookie, else the browser's Accept-Language.
 */
public final class I18n {
    public static final String EN = "en";
    public static final String ZH = "zh";
    private static final Map<String, I18n> ALL = Map.of(EN, load(EN), ZH, load(ZH));
    private final String lang;
    private final Properties words;

    private I18n(String lang, Properties words) {
        this.lang = lang;
        this.words = words;
    }

    public static I18n of(String lang) {
        return ALL.getOrDefault(lang, ALL.get(EN));
    }

    /** zh when the browser's first supported language is Chinese, else en. */
    public static String fromAcceptLanguage(String header) {
        if (header == null) {
            return EN;
        }
        for (String part : header.split(",")) {
            String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (tag.startsWith("zh")) {
                return ZH;
            }
            if (tag.startsWith("en")) {
                return EN;
            }
        }
        return EN;
    }

    public String lang() {
        return lang;
    }

    /** The word for {@code key}; the key itself when missing (visible in screenshots, never an exception). */
    public String t(String key) {
        return words.getProperty(key, key);
    }

    public String t(String key, Object... args) {
        return new MessageFormat(t(key), Locale.ROOT).format(args);
    }

    private static I18n load(String lang) {
        Properties p = new Properties();
        try (InputStream in = I18n.class.getResourceAsStream("/console/messages_" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("console/messages_" + lang + ".properties missing from the jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new I18n(lang, p);
    }
}
