package io.vocedge.gateway.console.auth;

import io.vocedge.common.cli.BadInputException;
import io.vocedge.gateway.store.Dialect;
import io.vocedge.protocol.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Console users (name, role, sites, Argon2id password hash) and API tokens ({@code voc_<id>_<secret>}: the id is
 * public, only the SHA-256 of the 32-byte random secret is stored). Tables {@code console_users} and
 * {@code console_tokens} (migration V50).
 */
public final class Accounts {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    public static final int MIN_PASSWORD = 10;
    private final DataSource db;
    private final Dialect dialect;
    private final PasswordHasher hasher;
    private final SecureRandom random = new SecureRandom();
    /** Verified against when the user does not exist, so a missing user takes as long as a wrong password. */
    private final String dummyHash;

    public Accounts(DataSource db, Dialect dialect, PasswordHasher hasher) {
        this.db = db;
        this.dialect = dialect;
        this.hasher = hasher;
        this.dummyHash = hasher.hash("not-a-password-0000".toCharArray());
    }

    /** Checks name, role and sites together; the message names what is wrong and how to fix it. */
    public static ConsoleUser validate(String name, String role, List<String> sites) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadInputException(
                    "--name '" + name + "': use 1-64 characters of letters, digits, '.', '_', '-' or '@'");
        }
        Role r;
        try {
            r = Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--role: " + e.getMessage());
        }
        Set<String> s = new LinkedHashSet<>(sites == null ? List.of() : sites);
        for (String site : s) {
            if (!Ids.isValid(site)) {
                throw new BadInputException(
                        "--site '" + site + "': a site id is 1-64 characters of a-z, 0-9, '-' or '_'");
            }
        }
        if (r == Role.SITE_MANAGER && s.isEmpty()) {
            throw new BadInputException("a site_manager needs at least one --site (the sites they may see)");
        }
        if (r != Role.SITE_MANAGER && !s.isEmpty()) {
            throw new BadInputException("--site is only for role site_manager (" + r.id() + " sees every site)");
        }
        return new ConsoleUser(name, r, s);
    }

    /** Adds or replaces a user (a new password for an existing name replaces the old one). */
    public void putUser(ConsoleUser user, char[] password) throws SQLException {
        if (password.length < MIN_PASSWORD) {
            throw new BadInputException("password too short: use at least " + MIN_PASSWORD + " characters");
        }
        String hash = hasher.hash(password);
        try (Connection c = db.getConnection()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM console_users WHERE name = ?");
                    PreparedStatement ins =
                            c.prepareStatement("INSERT INTO console_users (name, role, sites, password_hash,"
                                    + " created_at) VALUES (?,?,?,?,?)")) {
                del.setString(1, user.name());
                del.executeUpdate();
                ins.setString(1, user.name());
                ins.setString(2, user.role().id());
                ins.setString(3, String.join(",", user.sites()));
                ins.setString(4, hash);
                dialect.setTime(ins, 5, Instant.now());
                ins.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The user when name and password match; empty otherwise (same work either way). */
    public Optional<ConsoleUser> login(String name, char[] password) throws SQLException {
        String hash = null;
        ConsoleUser user = null;
        if (name != null && NAME.matcher(name).matches()) {
            try (Connection c = db.getConnection();
                    PreparedStatement ps =
                            c.prepareStatement("SELECT role, sites, password_hash FROM console_users WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        hash = rs.getString(3);
                        user = new ConsoleUser(name, Role.parse(rs.getString(1)), sites(rs.getString(2)));
                    }
                }
                c.commit();
            }
        }
        boolean ok = hasher.verify(password, hash == null ? dummyHash : hash);
        return ok && user != null ? Optional.of(user) : Optional.empty();
    }

    /** Creates a token and returns it in full; only its hash is kept, so this is the one time it can be shown. */
    public String createToken(ConsoleUser owner) throws SQLException {
        byte[] idBytes = new byte[6];
        byte[] secret = new byte[32];
        random.nextBytes(idBytes);
        random.nextBytes(secret);
        String id = HexFormat.of().formatHex(idBytes);
        String secretHex = HexFormat.of().formatHex(secret);
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO console_tokens (token_id, name, role, sites,"
                        + " secret_sha256, created_at) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, owner.name());
            ps.setString(3, owner.role().id());
            ps.setString(4, String.join(",", owner.sites()));
            ps.setString(5, sha256(secretHex));
            dialect.setTime(ps, 6, Instant.now());
            ps.executeUpdate();
            c.commit();
        }
        return "voc_" + id + "_" + secretHex;
    }

    /** The token's owner (named {@code token:<id>:<name>}) when the token is valid. */
    public Optional<ConsoleUser> bearer(String token) throws SQLException {
        if (token == null || !token.matches("voc_[0-9a-f]{12}_[0-9a-f]{64}")) {
            return Optional.empty();
        }
        String id = token.substring(4, 16);
        String secret = token.substring(17);
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT name, role, sites, secret_sha256 FROM console_tokens WHERE token_id = ?")) {
            ps.setString(1, id);
            Optional<ConsoleUser> out = Optional.empty();
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()
                        && MessageDigest.isEqual(
                                rs.getString(4).getBytes(StandardCharsets.US_ASCII),
                                sha256(secret).getBytes(StandardCharsets.US_ASCII))) {
                    out = Optional.of(new ConsoleUser(
                            "token:" + id + ":" + rs.getString(1),
                            Role.parse(rs.getString(2)),
                            sites(rs.getString(3))));
                }
            }
            c.commit();
            return out;
        }
    }

    private static Set<String> sites(String csv) {
        return csv == null || csv.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(csv.split(",")));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
