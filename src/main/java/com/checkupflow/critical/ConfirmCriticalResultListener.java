package com.checkupflow.critical;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.checkupflow.center.CenterTime;
import com.checkupflow.engine.TaskHeaders;
import com.checkupflow.kernel.InputRefused;

import com.checkupflow.process.ScreeningReportProcess.Activities;
import com.checkupflow.process.ScreeningReportProcess.Vars;
import com.checkupflow.screening.WorkflowSettings;

/**
 * "Confirm critical result" (and its escalated twin). On create: the form's facts ({@code criticalFacts}: the
 * values that triggered it with units, each threshold in words, the patient's phone, the deadline) as a
 * task-local variable, and the due date ({@code criticalContactDueDate}, the same for every attempt). On complete:
 * records the attempt in {@code cf_critical_contact} and sets {@code patientReached} for the gateway after the task:
 * "not reached" completes cleanly and the model opens the next attempt. Instances of versions before versionTag 4 have
 * no such loop (and no {@code criticalContactDueDate}): there the attempt is recorded on its own and the completion
 * refused, so that the task stays open as it did.
 */
@Component("confirmCriticalResultListener")
class ConfirmCriticalResultListener implements TaskListener {

    static final int CONTACT_PRIORITY_STEP = 10;

    /** The form's contact methods (forms/confirm-critical-result.form); other values come only from hand-made requests. */
    static final Set<String> METHODS = Set.of("PHONE", "IN_PERSON", "SMS", "OTHER");
    /** The form's fields, local to the contact subprocess. */
    private static final List<String> FORM_FIELDS = List.of(Vars.PATIENT_REACHED, Vars.CONTACT_METHOD, Vars.CONTACT_NOTE);
    /** As long as a review note (review.ReviewService.MAX_NOTE_LENGTH); stored as TEXT. */
    static final int MAX_NOTE_LENGTH = 10_000;

    private final CriticalContactService contacts;
    private final WorkflowSettings settings;
    private final TaskHeaders headers;

    ConfirmCriticalResultListener(CriticalContactService contacts, WorkflowSettings settings, TaskHeaders headers) {
        this.contacts = contacts;
        this.settings = settings;
        this.headers = headers;
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
            Instant due = dueDate(task).orElseGet(() -> escalated ? now
                    : now.plus(CriticalContactDueDateListener.escalationAfter(task.getVariable(Vars.CRITICAL_ESCALATION_AFTER), settings)));
            task.setDueDate(Date.from(due));
            String deadline = escalated ? CriticalTexts.text("deadline-escalated", facts.language())
                    : CriticalTexts.text("deadline", facts.language(), CenterTime.format(due));
            task.setVariableLocal(Vars.CRITICAL_FACTS, facts.findings() + "\n" + facts.phone() + "\n\n"
                    + facts.attempts().map(a -> a + "\n\n").orElse("") + deadline);
            if (dueDate(task).isPresent()) {
                // the next attempt opens with an empty form, not with the last attempt's answers
                FORM_FIELDS.stream().filter(field -> task.getVariable(field) != null)
                        .forEach(field -> task.setVariable(field, null));
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task, screeningId, escalated);
        }
    }

    private void complete(DelegateTask task, String screeningId, boolean escalated) {
        // the refusals in the words the form showed
        String language = headers.header(screeningId).map(TaskHeaders.TaskHeader::formLanguage).orElse("ko");
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
        if (dueDate(task).isEmpty() && !reached) {
            contacts.recordOnItsOwn(screeningId, contact);
            throw new InputRefused(CriticalTexts.text("not-reached", language));
        }
        contacts.record(screeningId, contact);
        // what Gateway_PatientReached reads, also when an integrated system sent the legacy patientContacted
        task.setVariable(Vars.PATIENT_REACHED, reached ? "REACHED" : "NOT_REACHED");
    }

    /** The deadline the contact subprocess keeps; empty for tasks of versions before versionTag 4. */
    private static Optional<Instant> dueDate(DelegateTask task) {
        return task.getVariable(Vars.CRITICAL_CONTACT_DUE_DATE) instanceof Date date
                ? Optional.of(date.toInstant()) : Optional.empty();
    }

    /** Integrated systems that still send {@code patientContacted: true}. */
    private static Boolean legacyContacted(Object contacted) {
        return Boolean.TRUE.equals(contacted) ? Boolean.TRUE : null;
    }
}
