package com.checkupflow.document;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.checkupflow.engine.CompletingUser;
import com.checkupflow.process.ScreeningReportProcess;

/**
 * The end of a document review (a user task of the element template {@code element-templates/document-review.json};
 * Camunda 7 templates can bind execution listeners, not task listeners): the reviewer's text ({@code documentText})
 * is stored as the final text of the document named by {@code documentOutput} (the draft step's output variable).
 * The reviewer is the task's assignee (the Tasklist completes claimed tasks only).
 */
@Component("reviewDocumentListener")
class ReviewDocumentListener implements ExecutionListener {

    static final String DOCUMENT_OUTPUT = ScreeningReportProcess.Vars.DOCUMENT_OUTPUT;
    static final String DOCUMENT_TEXT = ScreeningReportProcess.Vars.DOCUMENT_TEXT;

    private final DocumentService documents;

    ReviewDocumentListener(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            // the end of a cancelled task (instance deleted or modified): nobody reviewed the draft
            return;
        }
        Object output = execution.getVariableLocal(DOCUMENT_OUTPUT);
        Object text = execution.getVariable(DOCUMENT_TEXT);
        if (output == null) {
            throw new IllegalArgumentException("the review task has no documentOutput parameter");
        }
        documents.review(execution.getProcessBusinessKey(), output.toString(), text == null ? null : text.toString(),
                CompletingUser.of(execution));
    }
}
