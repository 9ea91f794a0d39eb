package com.checkupflow.analytics;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.checkupflow.process.ScreeningReportProcess;

/**
 * @param processKey        the process whose history feeds the timeline
 * @param activityStages    BPMN activity id → stage; activities not listed are ignored (a new activity in the
 *                          model changes nothing until it is mapped here)
 * @param deliveryDeadline  legal deadline from receipt to delivery of the report
 * @param deliveredStage    the stage whose end counts as "delivered": DELIVERED (the model's delivery step), or
 *                          ISSUED for a model without one
 * @param reviewDueAfter    due date of a review task that has none of its own (start + this)
 * @param defaultRangeDays  the dashboard's default date range (ending today)
 * @param maxRangeDays      the longest date range a query accepts
 */
@ConfigurationProperties(prefix = "checkupflow.analytics")
record AnalyticsProperties(
        @DefaultValue(ScreeningReportProcess.PROCESS_ID) String processKey,
        Map<String, TimelineStage> activityStages,
        @DefaultValue("P15D") Duration deliveryDeadline,
        @DefaultValue("DELIVERED") TimelineStage deliveredStage,
        @DefaultValue("P2D") Duration reviewDueAfter,
        @DefaultValue("30") int defaultRangeDays,
        @DefaultValue("400") int maxRangeDays) {

    AnalyticsProperties {
        activityStages = activityStages == null ? Map.of() : Map.copyOf(activityStages);
        if (deliveredStage != TimelineStage.ISSUED && deliveredStage != TimelineStage.DELIVERED) {
            throw new IllegalArgumentException("checkupflow.analytics.delivered-stage must be ISSUED or DELIVERED");
        }
    }

    TimelineStage stageOf(String activityId) {
        return activityStages.get(activityId);
    }
}
