package com.checkupflow.physician;

/** Which engine users may sign reports (members of {@code physician} or {@code headPhysician}). */
interface PhysicianDirectory {

    boolean isPhysician(String userId);
}
