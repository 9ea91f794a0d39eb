package com.checkupflow.review;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.checkupflow.engine.TaskHeaders;

/** Every user task's header: its patient's label and its center's language, as the task's name has them. */
@Component
class PatientTaskHeaders implements TaskHeaders {

    private final ReviewService reviews;

    PatientTaskHeaders(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public Optional<TaskHeader> header(String screeningId) {
        return reviews.findPatientLabel(screeningId).map(label -> new TaskHeader(label.text(), label.language()));
    }
}
