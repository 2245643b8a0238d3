package io.causeflow.receiver.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Tests the class {@link Migrations}. */
class MigrationsTest {
    private static Connection memory() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        connection.setAutoCommit(false);
        return connection;
    }

    @Test
    void shouldApplyEveryScriptOnceAndRecordTheVersion() throws Exception {
        try (Connection connection = memory()) {
            assertThat(Migrations.migrate(connection)).isEqualTo(Migrations.SCRIPTS.size());
            assertThat(Migrations.migrate(connection)).isEqualTo(Migrations.SCRIPTS.size());
            assertThat(Migrations.currentVersion(connection)).isEqualTo(Migrations.SCRIPTS.size());
        }
    }

    @Test
    void shouldRefuseADatabaseFromANewerReceiver() throws Exception {
        try (Connection connection = memory()) {
            Migrations.migrate(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO schema_version VALUES (99, 'V99__future.sql', 'now')");
            }
            connection.commit();

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Migrations.migrate(connection))
                    .hasMessageContaining("schema version 99");
        }
    }

    @Test
    void shouldSplitStatementsAndDropComments() {
        assertThat(Migrations.statements("-- c\nCREATE TABLE a (x INT);\n\nCREATE INDEX i\n ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i\n ON a (x)");
    }
}
