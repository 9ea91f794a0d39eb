package com.checkupflow.critical;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.checkupflow.center.CenterTime;
import com.checkupflow.kernel.InputRefused;

import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Vars;

/**
 * "Confirm critical result" (and its escalated twin). On create: the form's facts ({@code criticalFacts}: the
 * values that triggered it with units, each threshold in words, the patient's phone, the deadline) as a
 * task-local variable, and the due date (the escalation time; the escalated task is due at once). On complete:
 * records the outcome in {@code cf_critical_contact}; a patient not reached is recorded and the task stays open.
 */
@Component("confirmCriticalResultListener")
class ConfirmCriticalResultListener implements TaskListener {

    static final int CONTACT_PRIORITY_STEP = 10;

    /** The form's contact methods (forms/confirm-critical-result.form); other values come only from hand-made requests. */
    static final java.util.Set<String> METHODS = java.util.Set.of("PHONE", "IN_PERSON", "SMS", "OTHER");
    /** As long as a review note (review.ReviewService.MAX_NOTE_LENGTH); stored as TEXT. */
    static final int MAX_NOTE_LENGTH = 10_000;

    private final CriticalContactService contacts;

    ConfirmCriticalResultListener(CriticalContactService contacts) {
        this.contacts = contacts;
    }

    @Override
    public void notify(DelegateTask task) {
        String screeningId = task.getExecution().getProcessBusinessKey();
        boolean escalated = Activities.CONFIRM_CRITICAL_RESULT_ESCALATED.equals(task.getTaskDefinitionKey());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            CriticalContactService.Facts facts = contacts.facts(screeningId);
            Instant now = contacts.now();
            // a patient to phone comes before every review of the same urgency in the staff's default filter
            task.setPriority(task.getPriority() + CONTACT_PRIORITY_STEP);
            String deadline;
            if (escalated) {
                task.setDueDate(Date.from(now));
                deadline = CriticalTexts.text("deadline-escalated", facts.language());
            } else {
                Instant due = now.plus(Duration.parse(String.valueOf(task.getVariable(Vars.CRITICAL_ESCALATION_AFTER))));
                task.setDueDate(Date.from(due));
                deadline = CriticalTexts.text("deadline", facts.language(),
                        CenterTime.format(due));
            }
            task.setVariableLocal(Vars.CRITICAL_FACTS, facts.findings() + "\n" + facts.phone() + "\n\n" + deadline);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task, screeningId, escalated);
        }
    }

    private void complete(DelegateTask task, String screeningId, boolean escalated) {
        String language = String.valueOf(task.getVariable(Vars.FORM_LANGUAGE));
        Object outcome = task.getVariable(Vars.PATIENT_REACHED);
        Boolean reached = outcome == null ? legacyContacted(task.getVariable(Vars.PATIENT_CONTACTED))
                : "REACHED".equals(outcome) ? Boolean.TRUE : "NOT_REACHED".equals(outcome) ? Boolean.FALSE : null;
        if (reached == null) {
            throw new InputRefused(CriticalTexts.text("outcome-required", language));
        }
        Object method = task.getVariable(Vars.CONTACT_METHOD);
        if (reached && (method == null || method.toString().isBlank())) {
            throw new InputRefused(CriticalTexts.text("method-required", language));
        }
        if (method != null && !method.toString().isBlank() && !METHODS.contains(method.toString())) {
            throw new InputRefused(CriticalTexts.text("method-unknown", language));
        }
        Object note = task.getVariable(Vars.CONTACT_NOTE);
        if (note != null && note.toString().length() > MAX_NOTE_LENGTH) {
            throw new InputRefused(CriticalTexts.text("note-too-long", language, MAX_NOTE_LENGTH));
        }
        CriticalContactService.Contact contact = new CriticalContactService.Contact(task.getId(), escalated, reached,
                method == null ? null : method.toString(), note == null ? null : note.toString(), task.getAssignee(),
                contacts.now());
        if (!reached) {
            contacts.recordOnItsOwn(screeningId, contact);
            throw new InputRefused(CriticalTexts.text("not-reached", language));
        }
        contacts.record(screeningId, contact);
    }

    /** Integrated systems that still send {@code patientContacted: true}. */
    private static Boolean legacyContacted(Object contacted) {
        return Boolean.TRUE.equals(contacted) ? Boolean.TRUE : null;
    }
}
