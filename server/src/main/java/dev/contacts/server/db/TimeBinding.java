package dev.contacts.server.db;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Function;

import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * A time column of the generated code (see codegen.xml) that the code sees as {@code T}: the database's own type
 * on PostgreSQL, text on SQLite ({@link SqlTimes}), chosen by the dialect of each statement.
 *
 * @param <T> the Java type
 * @param <P> what the PostgreSQL driver reads the column as
 */
abstract class TimeBinding<T, P> implements Binding<String, T> {

    private final Converter<String, T> text;
    private final Class<P> postgresClass;
    private final Function<P, T> fromPostgres;
    private final int postgresType;
    private final String postgresCast;

    TimeBinding(Class<T> type, Function<String, T> parse, Function<T, String> format,
                Class<P> postgresClass, Function<P, T> fromPostgres, int postgresType, String postgresCast) {
        this.text = Converter.ofNullable(String.class, type, parse, format);
        this.postgresClass = postgresClass;
        this.fromPostgres = fromPostgres;
        this.postgresType = postgresType;
        this.postgresCast = postgresCast;
    }

    @Override
    public final Converter<String, T> converter() {
        return text;
    }

    @Override
    public final void sql(BindingSQLContext<T> ctx) {
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(text.to(ctx.value())));
        } else {
            ctx.render().sql(ctx.variable());
        }
        if (SqlTimes.hasTimeTypes(ctx.dialect())) {
            // a typed parameter wherever it stands (CASE, VALUES), not one PostgreSQL must guess
            ctx.render().sql("::" + postgresCast);
        }
    }

    @Override
    public final void register(BindingRegisterContext<T> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), sqlType(ctx.dialect()));
    }

    @Override
    public final void set(BindingSetStatementContext<T> ctx) throws SQLException {
        if (ctx.value() == null) {
            ctx.statement().setNull(ctx.index(), sqlType(ctx.dialect()));
        } else {
            ctx.statement().setObject(ctx.index(), SqlTimes.jdbcValue(ctx.dialect(), ctx.value()));
        }
    }

    @Override
    public final void get(BindingGetResultSetContext<T> ctx) throws SQLException {
        ctx.value(SqlTimes.hasTimeTypes(ctx.dialect())
                ? fromPostgres(ctx.resultSet().getObject(ctx.index(), postgresClass))
                : text.from(ctx.resultSet().getString(ctx.index())));
    }

    @Override
    public final void get(BindingGetStatementContext<T> ctx) throws SQLException {
        ctx.value(SqlTimes.hasTimeTypes(ctx.dialect())
                ? fromPostgres(ctx.statement().getObject(ctx.index(), postgresClass))
                : text.from(ctx.statement().getString(ctx.index())));
    }

    @Override
    public final void set(BindingSetSQLOutputContext<T> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("no SQL structured types here");
    }

    @Override
    public final void get(BindingGetSQLInputContext<T> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("no SQL structured types here");
    }

    private T fromPostgres(P value) {
        return value == null ? null : fromPostgres.apply(value);
    }

    private int sqlType(org.jooq.SQLDialect dialect) {
        return SqlTimes.hasTimeTypes(dialect) ? postgresType : java.sql.Types.VARCHAR;
    }
}
