package io.vocedge.gateway.ingest;

import io.vocedge.protocol.Ack;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The acks of the record batches committed last, keyed by the sending device's topic address and a SHA-256 of the
 * exact payload bytes. A device resends a batch byte for byte when its ack is late (ack timeout); after a broker
 * outage hundreds of devices do so while the gateway still works off the backlog, and every copy used to be parsed,
 * schema-validated and inserted again (nothing new stored) - several times the real work. A copy found here is
 * answered with the stored ack at once. Only identical bytes from the same topic match, so a copy gets exactly the
 * verdict its original got (its records are committed); anything else is processed as usual. Bounded (LRU, oldest
 * dropped first); a copy of a batch that fell out is simply processed again, as before. Used by the one ingest
 * thread only.
 */
final class RecentBatches {
    private final Map<String, Ack> acks;

    RecentBatches(int capacity) {
        this.acks = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Ack> eldest) {
                return size() > capacity;
            }
        };
    }

    static String key(IngestMessage m) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return m.address().site()
                    + '/'
                    + m.address().device()
                    + '/'
                    + Base64.getEncoder().encodeToString(sha.digest(m.payload()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    Ack find(String key) {
        return acks.get(key);
    }

    void remember(String key, Ack ack) {
        acks.put(key, ack);
    }

    int size() {
        return acks.size();
    }
}
