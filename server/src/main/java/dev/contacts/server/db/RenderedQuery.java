package dev.contacts.server.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * again on each request, and filling jOOQ records, cost more CPU than running them (README, "Load").
 * <p>
 * Its values are named parameters ({@code DSL.param("owner", Long.class)}), each used once; a call binds them
 * by name.
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

    private final Function<DSLContext, ResultQuery<?>> query;
    private final Rows<T> rows;
    private final Map<SQLDialect, Rendered> rendered = new ConcurrentHashMap<>();

    public RenderedQuery(Function<DSLContext, ResultQuery<?>> query, Rows<T> rows) {
        this.query = query;
        this.rows = rows;
    }

    /** Runs the query on {@code dsl}'s connection (its transaction's, inside one) with these named values. */
    public T fetch(DSLContext dsl, Map<String, ?> values) {
        Rendered statement = rendered.computeIfAbsent(dsl.dialect(), dialect -> render(dsl));
        if (!values.keySet().equals(statement.names())) {
            throw new IllegalArgumentException("values for " + statement.parameters() + ", given " + values.keySet());
        }
        return dsl.connectionResult(connection -> {
            try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                for (int i = 0; i < statement.parameters().size(); i++) {
                    prepared.setObject(i + 1, values.get(statement.parameters().get(i)));
                }
                try (ResultSet result = prepared.executeQuery()) {
                    return rows.read(result, dsl.dialect());
                }
            }
        });
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
