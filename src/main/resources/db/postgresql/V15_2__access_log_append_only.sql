-- PostgreSQL only (profile postgres adds this location): the database itself keeps the access log append-only.
-- UPDATE is refused on the log and its retention anchors; DELETE only of log rows older than one year (the legal
-- minimum; checkupflow.audit.retention may not be shorter), which is what retention does. H2 has no portable
-- trigger language (its triggers are Java classes): there the hash chain check is the protection.
CREATE FUNCTION cf_access_log_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION '% is append-only: UPDATE refused', TG_TABLE_NAME;
    END IF;
    IF TG_TABLE_NAME = 'cf_access_log_anchor' THEN
        RAISE EXCEPTION 'cf_access_log_anchor is append-only: DELETE refused';
    END IF;
    -- nested, not AND: PL/pgSQL need not short-circuit, and the anchor table has no accessed_at
    IF TG_TABLE_NAME = 'cf_access_log' THEN
        IF OLD.accessed_at >= now() - INTERVAL '1 year' THEN
            RAISE EXCEPTION 'cf_access_log is append-only: rows younger than one year are never deleted (row %)', OLD.seq;
        END IF;
    END IF;
    RETURN OLD;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER cf_access_log_append_only BEFORE UPDATE OR DELETE ON cf_access_log
    FOR EACH ROW EXECUTE FUNCTION cf_access_log_append_only();
CREATE TRIGGER cf_access_log_anchor_append_only BEFORE UPDATE OR DELETE ON cf_access_log_anchor
    FOR EACH ROW EXECUTE FUNCTION cf_access_log_append_only();
