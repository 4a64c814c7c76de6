package io.isthmus.access.gateway;

import io.isthmus.model.AccessKind;
import io.isthmus.policy.AccessResource;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A change waiting for a second person, and how it was decided.
 *
 * @param requester the account that asked; it may not approve its own request
 * @param approver the second person who approved or rejected it; empty while pending, after a
 *     withdrawal and for an expiry
 * @param decided when it left {@link State#PENDING} (approved, rejected, withdrawn; for an expiry
 *     its expiry time); empty while pending. Kept so the requester sees who said no and when without
 *     reading the audit log
 * @param reason the rejecter's reason (at most what the API accepts), empty when none was given or
 *     the request was not rejected
 * @param recipe for a recipe, all its items (then {@code item} is its first item and {@code
 *     resource} that item's resource); empty for a single change
 */
public record Approval(
        String id,
        String requester,
        WriteItem item,
        AccessKind action,
        AccessResource resource,
        Instant created,
        Instant expires,
        State state,
        String approver,
        Optional<Instant> decided,
        String reason,
        Optional<Recipe> recipe) {
    public Approval {
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(decided, "decided");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(recipe, "recipe");
    }

    /** An undecided request (pending, or rebuilt from a record that carries no decision). */
    public Approval(
            String id,
            String requester,
            WriteItem item,
            AccessKind action,
            AccessResource resource,
            Instant created,
            Instant expires,
            State state,
            String approver) {
        this(
                id,
                requester,
                item,
                action,
                resource,
                created,
                expires,
                state,
                approver,
                Optional.empty(),
                "",
                Optional.empty());
    }

    public enum State {
        PENDING,
        /** Approved; executing or about to: nobody else can approve it any more. */
        APPROVED,
        EXECUTED,
        FAILED,
        EXPIRED,
        /** Refused by a second person who may approve it: never executed. */
        REJECTED,
        /** Taken back by its requester before anyone decided it: never executed. */
        WITHDRAWN,
        /**
         * The gateway stopped after recording that it was sending the change and before the device's
         * answer was recorded: the change may or may not have been made. Never retried automatically;
         * an operator checks the device.
         */
        UNKNOWN_OUTCOME;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Who took it out of pending: the approver or rejecter, the requester for a withdrawal, empty
     * while pending and for an expiry.
     */
    public String decidedBy() {
        return state == State.WITHDRAWN ? requester : approver;
    }

    /** The type prefix of this change's audit records: {@code write}, {@code control} or {@code recipe}. */
    public String recordPrefix() {
        return recipe.isPresent() ? RecipeRecords.PREFIX : action.id();
    }

    /** A recipe request waiting for approval (its first item stands for it where one item is asked for). */
    static Approval ofRecipe(
            String id, String requester, Recipe r, AccessResource first, Instant created, Instant expires) {
        return new Approval(
                id,
                requester,
                r.items().getFirst(),
                AccessKind.WRITE,
                first,
                created,
                expires,
                State.PENDING,
                "",
                Optional.empty(),
                "",
                Optional.of(r));
    }

    /** The same request in another state; the decision's time and reason stay as they were. */
    Approval with(State s, String by) {
        return new Approval(id, requester, item, action, resource, created, expires, s, by, decided, reason, recipe);
    }

    /** The request decided at {@code at} by {@code by} (a rejection with its {@code why}). */
    Approval decided(State s, String by, Instant at, String why) {
        return new Approval(
                id, requester, item, action, resource, created, expires, s, by, Optional.of(at), why, recipe);
    }
}
