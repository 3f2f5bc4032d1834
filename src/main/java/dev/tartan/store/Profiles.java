package dev.tartan.store;

import dev.tartan.model.Credentials;
import dev.tartan.model.PlaidEnvironment;
import dev.tartan.model.Profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The profiles: named Plaid credentials and the environment each is for. Names ignore case. */
public final class Profiles {

    private static final String COLUMNS = "name, environment, marked_production, plain_http_allowed, client_id, secret";

    private final Database db;
    private final Clock clock;

    Profiles(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds a new profile; refused if one has the same name. */
    public void add(Profile profile) {
        Instant now = clock.instant();
        db.write(d -> {
            if (d.queryLong("SELECT count(*) FROM profiles WHERE name = ?", profile.name()) > 0) {
                throw new ProfileExistsException(profile.name());
            }
            return d.update("INSERT INTO profiles (" + COLUMNS + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    columnValues(profile, now));
        });
    }

    /** Adds the profile, or replaces the one with the same name. */
    public void save(Profile profile) {
        Instant now = clock.instant();
        db.write(d -> d.update("INSERT INTO profiles (" + COLUMNS + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (name) DO UPDATE SET name = excluded.name, environment = excluded.environment, "
                        + "marked_production = excluded.marked_production, plain_http_allowed = excluded.plain_http_allowed, "
                        + "client_id = excluded.client_id, secret = excluded.secret, updated_at = excluded.updated_at",
                columnValues(profile, now)));
    }

    /** The values of {@link #COLUMNS}, then created_at and updated_at. */
    private static Object[] columnValues(Profile profile, Instant now) {
        PlaidEnvironment environment = profile.environment();
        return new Object[] {profile.name(), environment.asText(), environment.markedProduction() ? 1 : 0,
            environment.plainHttpAllowed() ? 1 : 0, profile.credentials().clientId(), profile.credentials().secret(), now, now};
    }

    public Optional<Profile> get(String name) {
        String checked = Profile.checkName(name);
        return db.read(d -> d.queryOne("SELECT " + COLUMNS + " FROM profiles WHERE name = ?", Profiles::profile, checked));
    }

    /** The profile called {@code name}, or an exception that lists the profiles there are. */
    public Profile require(String name) {
        return get(name).orElseThrow(() -> new ProfileNotFoundException(Profile.checkName(name), names()));
    }

    /** Every profile, by name. */
    public List<Profile> list() {
        return db.read(d -> d.query("SELECT " + COLUMNS + " FROM profiles ORDER BY name", Profiles::profile));
    }

    public List<String> names() {
        return db.read(d -> d.query("SELECT name FROM profiles ORDER BY name", row -> row.getString(1)));
    }

    /** Removes the profile called {@code name}; true if there was one. */
    public boolean remove(String name) {
        String checked = Profile.checkName(name);
        return db.write(d -> d.update("DELETE FROM profiles WHERE name = ?", checked)) > 0;
    }

    private static Profile profile(ResultSet row) throws SQLException {
        PlaidEnvironment environment = PlaidEnvironment.parse(row.getString("environment"));
        if (environment.kind() == PlaidEnvironment.Kind.CUSTOM) {
            environment = environment.withProductionMark(row.getInt("marked_production") != 0)
                    .withPlainHttpAllowed(row.getInt("plain_http_allowed") != 0);
        }
        return new Profile(row.getString("name"), environment,
                new Credentials(row.getString("client_id"), row.getString("secret")));
    }
}
