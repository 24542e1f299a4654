package dev.contacts.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;

/**
 * A query written with jOOQ whose text is rendered once per dialect and then run through JDBC with each call's
 * values, its rows read straight from the result set. For the statements every read request runs: rendering them
 * again on each request, and filling jOOQ records, cost more CPU than running them (docs/benchmarks.md, "Load").
 * <p>
 * Its values are named parameters ({@code DSL.param("owner", Long.class)}), each used once; a call binds them
 * by name. Its statement is prepared once per database connection and kept open ({@link #prepared}): sqlite-jdbc
 * prepares each statement anew, and SQLite parsing and planning the text again took a seventh of the CPU of a
 * {@code GET /contacts/{id}/} (docs/benchmarks.md, "Load").
 *
 * @param <T> what the rows are read as
 */
public final class RenderedQuery<T> {

    /** Reads what a query answered (all its rows, or none), as the dialect's driver gives them. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows, SQLDialect dialect) throws SQLException;
    }

    /** The query's text, and the names of its values in the order of their placeholders. */
    private record Rendered(String sql, List<String> parameters, Set<String> names) {
    }

    /**
     * The statements kept open on each physical connection, by text: a connection is used by one thread at a time,
     * and the pool's hand-over orders one thread's use before the next. Entries of connections the pool has closed
     * are dropped when a new connection comes along.
     */
    private static final Map<Connection, Map<String, PreparedStatement>> PREPARED = new ConcurrentHashMap<>();
    /** The most statements kept open on one connection; past that, the least recently used is closed. */
    static final int KEPT_PER_CONNECTION = 64;

    private final Function<DSLContext, ResultQuery<?>> query;
    private final Rows<T> rows;
    private final Map<SQLDialect, Rendered> rendered = new ConcurrentHashMap<>();

    public RenderedQuery(Function<DSLContext, ResultQuery<?>> query, Rows<T> rows) {
        this.query = query;
        this.rows = rows;
    }

    /** Runs the query on {@code dsl}'s connection (its transaction's, inside one) with these named values. */
    public T fetch(DSLContext dsl, Map<String, ?> values) {
        return fetch(dsl, values, rows);
    }

    /**
     * The same, its rows read by {@code rows}: a reader that belongs to this one call (it writes a response). A
     * reader must not run this same query again while it reads: both would use the one statement kept open.
     */
    public <R> R fetch(DSLContext dsl, Map<String, ?> values, Rows<R> rows) {
        Rendered statement = rendered.computeIfAbsent(dsl.dialect(), dialect -> render(dsl));
        if (!values.keySet().equals(statement.names())) {
            throw new IllegalArgumentException("values for " + statement.parameters() + ", given " + values.keySet());
        }
        return dsl.connectionResult(connection -> {
            PreparedStatement prepared = prepared(connection, statement.sql());
            for (int i = 0; i < statement.parameters().size(); i++) {
                prepared.setObject(i + 1, values.get(statement.parameters().get(i)));
            }
            try (ResultSet result = prepared.executeQuery()) {
                return rows.read(result, dsl.dialect());
            }
        });
    }

    /**
     * {@code sql} (any statement, a write too) prepared once on the physical connection behind {@code pooled} and
     * kept open there, as this class's queries are: for a statement run on every request that is not a query of
     * this class (a new contact's insert, into which SQLite compiles the table's triggers each time it is prepared).
     * Its caller binds every value and closes its results before it is asked for again on that connection.
     */
    public static PreparedStatement keptOpen(Connection pooled, String sql) throws SQLException {
        return prepared(pooled, sql);
    }

    /**
     * {@code sql} prepared on the physical connection behind {@code pooled}, kept open for the next use on it.
     * Prepared on the pool's own connection rather than on its proxy, which would close it when the connection goes
     * back to the pool; the driver closes it with its connection.
     */
    private static PreparedStatement prepared(Connection pooled, String sql) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        Map<String, PreparedStatement> statements = PREPARED.get(physical);
        if (statements == null) {
            PREPARED.keySet().removeIf(RenderedQuery::isClosed);
            statements = PREPARED.computeIfAbsent(physical, c -> leastRecentlyUsedClosed());
        }
        synchronized (statements) {
            PreparedStatement statement = statements.get(sql);
            if (statement == null || statement.isClosed()) {
                statement = physical.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }
    }

    private static Map<String, PreparedStatement> leastRecentlyUsedClosed() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= KEPT_PER_CONNECTION) {
                    return false;
                }
                try {
                    eldest.getValue().close();
                } catch (SQLException alreadyUnusable) {
                    // dropped either way
                }
                return true;
            }
        };
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private Rendered render(DSLContext dsl) {
        ResultQuery<?> q = query.apply(dsl);
        // the bind values in the order of their placeholders, each a named parameter
        List<String> parameters = q.getParams().values().stream().filter(p -> !p.isInline())
                .map(Param::getParamName).toList();
        if (parameters.contains(null) || parameters.size() != q.getBindValues().size()) {
            throw new IllegalStateException("each value must be a named parameter, used once: " + q.getSQL());
        }
        return new Rendered(q.getSQL(), parameters, Set.copyOf(parameters));
    }
}
