package io.vocedge.gateway.alerts;

import java.time.Instant;

/**
 * A rule fired: what the alert will say and how it is keyed.
 *
 * @param caseKey the case it opens or joins ({@code conv:<device>:<conversation>}, {@code device:<id>:<kind>},
 *     {@code site:<site>:<rule>})
 * @param dedupeKey at most one alert per key, ever (a record's copy, a second gateway, a second evaluation)
 * @param title the message's first line, in the site's language
 * @param detail a second line (a reason, a figure), may be null; never transcript text
 * @param at when the rule saw it (the record's time, or the evaluation's)
 */
public record Firing(
        AlertsSettings.Rule rule,
        String site,
        String deviceId,
        String conversationId,
        Long recordSeq,
        String caseKey,
        String dedupeKey,
        String title,
        String detail,
        String lang,
        Instant at) {}
