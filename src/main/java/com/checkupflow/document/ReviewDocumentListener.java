package com.checkupflow.document;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The human review of a document completed (element template {@code element-templates/document-review.json}): the
 * reviewer's text ({@code documentText}) is stored as the final text of the document named by the task's
 * {@code documentOutput} parameter (the draft step's output variable), with the assignee as reviewer.
 */
@Component("reviewDocumentListener")
class ReviewDocumentListener implements TaskListener {

    static final String DOCUMENT_OUTPUT = "documentOutput";
    static final String DOCUMENT_TEXT = "documentText";

    private final DocumentService documents;

    ReviewDocumentListener(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void notify(DelegateTask task) {
        Object output = task.getVariable(DOCUMENT_OUTPUT);
        Object text = task.getVariable(DOCUMENT_TEXT);
        if (output == null) {
            throw new IllegalArgumentException("the review task has no documentOutput parameter");
        }
        documents.review(task.getExecution().getProcessBusinessKey(), output.toString(),
                text == null ? null : text.toString(), task.getAssignee());
    }
}
