import CoachCore

/// The practice's tables, in the same meaning as the SQLite schema (ids, foreign keys, checks),
/// plus who owns each row: every row of client data carries its coach's login, and row-level
/// security keys on it (`current_user`), so the database itself keeps coaches apart — through
/// `kpicoach` or `psql` alike. A lead coach may read every plan and its progress, never a
/// private note; a note is readable by its author only.
enum PracticeSchema {
    /// Tables whose rows belong to a coach.
    static let coachedTables = ["client", "conversation", "event", "answer", "variable", "lease", "kpi", "checkin", "adjustment", "transfer"]

    static func quoted(_ list: [String]) -> String { list.map { "'\($0)'" }.joined(separator: ", ") }

    /// Each migration runs once, in order, in its own transaction.
    static let migrations: [String] = [
        """
        CREATE TABLE coach (
            login text PRIMARY KEY CHECK (length(login) > 0),
            name text,
            lead boolean NOT NULL DEFAULT false,
            added_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE client (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            coach text NOT NULL DEFAULT current_user REFERENCES coach (login),
            name text NOT NULL CHECK (length(name) > 0),
            archived boolean NOT NULL DEFAULT false,
            created_at timestamptz NOT NULL,
            origin text UNIQUE
        );
        CREATE UNIQUE INDEX client_name_per_coach ON client (coach, lower(name));
        CREATE TABLE conversation (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            coach text NOT NULL DEFAULT current_user,
            client_id bigint REFERENCES client (id) ON DELETE CASCADE,
            script_id text NOT NULL,
            script_hash text NOT NULL,
            step text,
            status text NOT NULL CHECK (status IN ('active', 'finished')),
            snapshot text NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            origin text UNIQUE
        );
        CREATE INDEX conversation_client ON conversation (client_id);
        CREATE TABLE event (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            coach text NOT NULL DEFAULT current_user,
            author text NOT NULL DEFAULT current_user,
            conversation_id bigint NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
            at timestamptz NOT NULL,
            kind text NOT NULL CHECK (kind IN (\(quoted(StoredEvent.Kind.allCases.map(\.rawValue))))),
            step text,
            raw bytea,
            value text,
            message text,
            private boolean NOT NULL DEFAULT false
        );
        CREATE INDEX event_conversation ON event (conversation_id);
        CREATE TABLE answer (
            coach text NOT NULL DEFAULT current_user,
            conversation_id bigint NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
            position integer NOT NULL CHECK (position >= 0),
            step text NOT NULL,
            raw bytea NOT NULL,
            value text,
            PRIMARY KEY (conversation_id, position)
        );
        CREATE TABLE variable (
            coach text NOT NULL DEFAULT current_user,
            conversation_id bigint NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
            name text NOT NULL,
            item integer NOT NULL CHECK (item >= -1),
            value text NOT NULL,
            PRIMARY KEY (conversation_id, name, item)
        );
        CREATE TABLE lease (
            coach text NOT NULL DEFAULT current_user,
            conversation_id bigint PRIMARY KEY REFERENCES conversation (id) ON DELETE CASCADE,
            pid integer NOT NULL,
            host text NOT NULL,
            since timestamptz NOT NULL
        );
        CREATE TABLE kpi (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            coach text NOT NULL DEFAULT current_user,
            client_id bigint NOT NULL REFERENCES client (id) ON DELETE CASCADE,
            conversation_id bigint REFERENCES conversation (id) ON DELETE SET NULL,
            name text NOT NULL CHECK (length(name) > 0),
            catalogue_id text,
            unit text NOT NULL CHECK (unit IN (\(quoted(Metric.Unit.allCases.map(\.rawValue))))),
            direction text NOT NULL CHECK (direction IN (\(quoted(Metric.Direction.allCases.map(\.rawValue))))),
            baseline_value double precision NOT NULL,
            baseline_date date NOT NULL,
            baseline_source text NOT NULL,
            target_value double precision NOT NULL,
            due_date date NOT NULL,
            cadence text NOT NULL CHECK (cadence IN (\(quoted(Metric.Cadence.allCases.map(\.rawValue))))),
            weight double precision NOT NULL CHECK (weight > 0),
            retired boolean NOT NULL DEFAULT false,
            created_at timestamptz NOT NULL,
            origin text UNIQUE
        );
        CREATE INDEX kpi_client ON kpi (client_id);
        CREATE TABLE checkin (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            coach text NOT NULL DEFAULT current_user,
            kpi_id bigint NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,
            date date NOT NULL,
            value double precision NOT NULL,
            confidence integer CHECK (confidence BETWEEN 0 AND 10),
            note text,
            created_at timestamptz NOT NULL,
            origin text UNIQUE
        );
        CREATE INDEX checkin_kpi ON checkin (kpi_id);
        CREATE TABLE adjustment (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            coach text NOT NULL DEFAULT current_user,
            kpi_id bigint NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,
            field text NOT NULL CHECK (field IN (\(quoted(StoredAdjustment.Field.allCases.map(\.rawValue))))),
            from_value text NOT NULL,
            to_value text NOT NULL,
            why text NOT NULL CHECK (length(why) > 0),
            at timestamptz NOT NULL,
            origin text UNIQUE
        );
        CREATE INDEX adjustment_kpi ON adjustment (kpi_id);
        CREATE TABLE transfer (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            coach text NOT NULL,
            client_id bigint NOT NULL REFERENCES client (id) ON DELETE CASCADE,
            from_coach text NOT NULL,
            to_coach text NOT NULL,
            at timestamptz NOT NULL DEFAULT now()
        );
        """,
        // Handing a client over moves every row about them to the new coach at once, and keeps
        // the move in `transfer`.
        transferFunction,
        // The same again, for practices whose first version of it moved private notes and left earlier hand-overs behind.
        transferFunction,
    ]

    /// Hands a client over: every row about them moves to the new coach in one statement, the
    /// client's earlier hand-overs with them (so the new coach sees the whole history), and the
    /// move is kept in `transfer`; private notes stay with their author, who can still read
    /// them. It runs with the owner's rights, for the caller's own clients only.
    static let transferFunction = """
        CREATE OR REPLACE FUNCTION kpicoach_transfer(client_name text, to_coach text) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = public AS $$
        DECLARE
            cid bigint;
        BEGIN
            SELECT id INTO cid FROM client WHERE coach = session_user AND lower(name) = lower(client_name);
            IF cid IS NULL THEN RETURN NULL; END IF;
            IF NOT EXISTS (SELECT 1 FROM coach WHERE login = to_coach) THEN
                RAISE EXCEPTION 'no coach %', to_coach USING ERRCODE = 'KPC01';
            END IF;
            IF EXISTS (SELECT 1 FROM client WHERE coach = to_coach AND lower(name) = lower(client_name)) THEN
                RAISE EXCEPTION 'name taken' USING ERRCODE = 'KPC02';
            END IF;
            UPDATE client SET coach = to_coach WHERE id = cid;
            UPDATE conversation SET coach = to_coach WHERE client_id = cid;
            UPDATE event SET coach = to_coach WHERE NOT private AND conversation_id IN (SELECT id FROM conversation WHERE client_id = cid);
            UPDATE answer SET coach = to_coach WHERE conversation_id IN (SELECT id FROM conversation WHERE client_id = cid);
            UPDATE variable SET coach = to_coach WHERE conversation_id IN (SELECT id FROM conversation WHERE client_id = cid);
            DELETE FROM lease WHERE conversation_id IN (SELECT id FROM conversation WHERE client_id = cid);
            UPDATE kpi SET coach = to_coach WHERE client_id = cid;
            UPDATE checkin SET coach = to_coach WHERE kpi_id IN (SELECT id FROM kpi WHERE client_id = cid);
            UPDATE adjustment SET coach = to_coach WHERE kpi_id IN (SELECT id FROM kpi WHERE client_id = cid);
            UPDATE transfer SET coach = kpicoach_transfer.to_coach WHERE client_id = cid;
            INSERT INTO transfer (coach, client_id, from_coach, to_coach) VALUES (to_coach, cid, session_user, to_coach);
            RETURN cid;
        END $$;
        REVOKE ALL ON FUNCTION kpicoach_transfer(text, text) FROM PUBLIC;
        """

    /// Roles, grants and policies: run by every `practice init`, each statement safe to repeat.
    static let access: [String] = {
        var statements = [
            // Roles belong to the whole server: another practice's init may be making it at the same moment.
            "DO $$ BEGIN CREATE ROLE kpicoach_coach NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
            // Leads are the members of this role: their wider reading is a policy for the role,
            // not a check made on every row.
            "DO $$ BEGIN CREATE ROLE kpicoach_lead NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
            "GRANT USAGE ON SCHEMA public TO kpicoach_coach",
            "GRANT SELECT ON coach, kpicoach_schema TO kpicoach_coach",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON \(coachedTables.filter { $0 != "transfer" }.joined(separator: ", ")) TO kpicoach_coach",
            "GRANT SELECT ON transfer TO kpicoach_coach",
            "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO kpicoach_coach",
            "GRANT EXECUTE ON FUNCTION kpicoach_transfer(text, text) TO kpicoach_coach",
        ]
        for table in coachedTables {
            statements += ["ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY",
                           "DROP POLICY IF EXISTS own_rows ON \(table)", "DROP POLICY IF EXISTS lead_reads ON \(table)"]
            // A private note — the note, and the line and command that wrote it — is its author's
            // alone; every other row is its coach's.
            let own = table == "event" ? "coach = current_user AND (NOT private OR author = current_user)" : "coach = current_user"
            statements.append("CREATE POLICY own_rows ON \(table) USING (\(own)) WITH CHECK (coach = current_user)")
            // A lead reads plans and progress across the practice, but no notes and no open leases.
            if table != "lease" {
                statements.append("CREATE POLICY lead_reads ON \(table) FOR SELECT TO kpicoach_lead USING (\(table == "event" ? "NOT private" : "true"))")
            }
        }
        return statements
    }()
}
