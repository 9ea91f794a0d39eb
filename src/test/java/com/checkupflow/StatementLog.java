package com.checkupflow;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

/**
 * The SQL statements one thread issues on a data source while {@link #during} runs, with the rows each read or
 * wrote: what a single engine call (claim, getVariable, complete) costs in the database, beside the same call on
 * the bare engine. Other threads (job acquisition, workers) are not recorded.
 */
public final class StatementLog {

    /** One execution: its SQL (whitespace folded) and the rows read ({@code next()} true) or updated. */
    public record Executed(String sql, long rows) {
        /** The statement's verb and first table, e.g. "insert ACT_HI_OP_LOG", "select ACT_RU_TASK". */
        public String shape() {
            String s = sql.trim();
            String verb = s.split("\\s", 2)[0].toLowerCase(java.util.Locale.ROOT);
            java.util.regex.Matcher table = java.util.regex.Pattern.compile("(?i)\\b(?:from|into|update)\\s+([\\w.]+)")
                    .matcher(s);
            return verb + " " + (table.find() ? table.group(1).toUpperCase(java.util.Locale.ROOT) : s);
        }
    }

    private final ThreadLocal<List<Executed>> current = new ThreadLocal<>();

    /** The statements of {@code call} on this thread, in order. */
    public List<Executed> during(Callable<?> call) throws Exception {
        List<Executed> log = new ArrayList<>();
        current.set(log);
        try {
            call.call();
        } finally {
            current.remove();
        }
        return log;
    }

    public DataSource recorded(DataSource data) {
        return proxy(DataSource.class, data, (method, args, result) -> result instanceof Connection c ? connection(c) : result);
    }

    private Connection connection(Connection c) {
        return proxy(Connection.class, c, (method, args, result) -> {
            List<Executed> log = current.get();
            if (log != null && method.getName().equals("commit")) {
                log.add(new Executed("COMMIT", 0));
            }
            return result instanceof Statement s
                    ? statement(s, method.getName().startsWith("prepare") ? (String) args[0] : null) : result;
        });
    }

    /** Executions are recorded when run, batched ones when added; the rows of a batch come with its execution. */
    @SuppressWarnings("unchecked")
    private Statement statement(Statement s, String prepared) {
        Class<?> type = s instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        int[] last = {-1};
        List<Integer> batched = new ArrayList<>();
        return (Statement) proxy((Class<Object>) type, s, (method, args, result) -> {
            List<Executed> log = current.get();
            if (log == null) {
                return result;
            }
            String name = method.getName();
            if (name.equals("addBatch")) {
                batched.add(log.size());
                log.add(new Executed(fold(prepared != null ? prepared : (String) args[0]), 0));
            } else if (name.equals("executeBatch") && result instanceof int[] counts) {
                for (int i = 0; i < counts.length && i < batched.size(); i++) {
                    addRows(log, batched.get(i), Math.max(counts[i], 0));
                }
                batched.clear();
            } else if (name.startsWith("execute")) {
                last[0] = log.size();
                log.add(new Executed(fold(prepared != null ? prepared : (String) args[0]),
                        result instanceof Integer n ? n : result instanceof Long n ? n : 0));
            } else if (name.equals("getUpdateCount") && result instanceof Integer n && n > 0 && last[0] >= 0) {
                addRows(log, last[0], n);
            }
            return result instanceof ResultSet rs && last[0] >= 0 ? rows(rs, log, last[0]) : result;
        });
    }

    private static String fold(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }

    private static void addRows(List<Executed> log, int index, long rows) {
        Executed e = log.get(index);
        log.set(index, new Executed(e.sql(), e.rows() + rows));
    }

    private ResultSet rows(ResultSet rs, List<Executed> log, int index) {
        return proxy(ResultSet.class, rs, (method, args, result) -> {
            if (method.getName().equals("next") && Boolean.TRUE.equals(result)) {
                addRows(log, index, 1);
            }
            return result;
        });
    }

    private interface Mapping {
        Object map(java.lang.reflect.Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, Mapping results) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, method, args) -> {
            try {
                return results.map(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
