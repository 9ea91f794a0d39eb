package com.checkupflow.privacy;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * Logback {@code %stackOnly}: a logged exception as its class names and stack frames (causes and suppressed ones
 * included), without their messages, which may carry personal data or lab values. The full, scrubbed message is in
 * the incident (engine.ScrubbedJobFailures).
 */
public class StackWithoutMessagesConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        StringBuilder sb = new StringBuilder();
        append(sb, tp, "", 0);
        return sb.toString();
    }

    private static void append(StringBuilder sb, IThrowableProxy tp, String caption, int indent) {
        String pad = "\t".repeat(indent);
        sb.append(pad).append(caption).append(tp.getClassName()).append(CoreConstants.LINE_SEPARATOR);
        StackTraceElementProxy[] frames = tp.getStackTraceElementProxyArray();
        int shown = frames.length - tp.getCommonFrames();
        for (int i = 0; i < shown; i++) {
            sb.append(pad).append('\t').append(frames[i].getSTEAsString()).append(CoreConstants.LINE_SEPARATOR);
        }
        if (tp.getCommonFrames() > 0) {
            sb.append(pad).append("\t... ").append(tp.getCommonFrames()).append(" common frames omitted")
                    .append(CoreConstants.LINE_SEPARATOR);
        }
        if (tp.getSuppressed() != null) {
            for (IThrowableProxy suppressed : tp.getSuppressed()) {
                append(sb, suppressed, "Suppressed: ", indent + 1);
            }
        }
        if (tp.getCause() != null) {
            append(sb, tp.getCause(), "Caused by: ", indent);
        }
    }
}
