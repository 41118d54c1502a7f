package org.linoconductor.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tables of V1__sites.sql and V5__site_state_history.sql (and their later columns), read and written
 * with plain SQL.
 */
@Repository
class SiteRepository {

  static final String STOP = "stop";
  static final String START = "start";
  static final String RESTART_WEB = "restart-web";

  private static final TypeReference<List<String>> ARGV = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  SiteRepository(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  boolean exists(String name) {
    Integer count = jdbc.queryForObject("select count(*) from site where name = ?", Integer.class, name);
    return count != null && count > 0;
  }

  /** Deletes the site; its testers, commands and preview row go by cascade. */
  boolean delete(String name) {
    return jdbc.update("delete from site where name = ?", name) > 0;
  }

  Optional<Site> find(String name) {
    return sites("select * from site where name = ?", name).stream().findFirst();
  }

  List<Site> all() {
    return sites("select * from site order by name");
  }

  /** @param realDirectory where {@code site.directory()} really is, links resolved (unique) */
  void insert(Site site, Path realDirectory) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("""
        insert into site (name, root, directory, real_directory, state, database_kind, uses_elastic, contact,
                          url, release_notes_url, four_eyes, host, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        site.name(), site.root().toString(), site.directory().toString(), realDirectory.toString(),
        site.state().name(), site.databaseKind().name(), site.usesElastic(), site.contact(), site.url(),
        site.releaseNotesUrl(), site.fourEyes(), site.host(), now, now);
    insertTestersAndCommands(site);
  }

  /** Writes a corrected registration over the one of {@code site.name()}; state and archive stay. */
  void update(Site site, Path realDirectory) {
    jdbc.update("""
        update site set root = ?, directory = ?, real_directory = ?, database_kind = ?, uses_elastic = ?,
                        contact = ?, url = ?, release_notes_url = ?, four_eyes = ?, host = ?, updated_at = ?
        where name = ?""",
        site.root().toString(), site.directory().toString(), realDirectory.toString(), site.databaseKind().name(),
        site.usesElastic(), site.contact(), site.url(), site.releaseNotesUrl(), site.fourEyes(), site.host(),
        Timestamp.from(Instant.now()), site.name());
    jdbc.update("delete from site_tester where site = ?", site.name());
    jdbc.update("delete from site_service_command where site = ?", site.name());
    insertTestersAndCommands(site);
  }

  private void insertTestersAndCommands(Site site) {
    for (String tester : site.testers()) {
      jdbc.update("insert into site_tester (site, user_id) values (?, ?)", site.name(), tester);
    }
    ServiceCommands commands = site.serviceCommands();
    insertCommands(site.name(), STOP, commands.stop());
    insertCommands(site.name(), START, commands.start());
    insertCommands(site.name(), RESTART_WEB, commands.restartWeb());
  }

  /**
   * Locks the row of {@code name} until the transaction ends, so that two corrections of one site
   * never interleave: the later one reads what the earlier one wrote.
   */
  boolean lock(String name) {
    return !jdbc.queryForList("select name from site where name = ? for update", String.class, name).isEmpty();
  }

  /** Every site's directory as registered and as recorded really, links resolved (null before V14). */
  List<SiteDirectory> directories() {
    return jdbc.query("select name, directory, real_directory from site order by name", (rs, i) ->
        new SiteDirectory(rs.getString(1), Path.of(rs.getString(2)),
            rs.getString(3) == null ? null : Path.of(rs.getString(3))));
  }

  record SiteDirectory(String site, Path directory, Path realDirectory) {}

  /** The preview sites recorded (table preview_site, by its foreign key) as previews of {@code production}. */
  List<String> previewsOf(String production) {
    return jdbc.queryForList("select site from preview_site where production_site = ? order by site", String.class,
        production);
  }

  void updateState(String name, SiteState state) {
    jdbc.update("update site set state = ?, updated_at = ? where name = ?",
        state.name(), Timestamp.from(Instant.now()), name);
  }

  void updateArchivedTo(String name, Path archivedTo) {
    jdbc.update("update site set archived_to = ?, updated_at = ? where name = ?",
        archivedTo.toString(), Timestamp.from(Instant.now()), name);
  }

  /** The PRODUCTION sites of {@code root} on {@code host} (null: this machine) other than {@code except}. */
  List<String> productionSitesIn(Path root, String host, String except) {
    return jdbc.queryForList("""
        select name from site where root = ? and coalesce(host, '') = ? and state = ? and name <> ?
        order by name""", String.class, root.toString(), host == null ? "" : host, SiteState.PRODUCTION.name(),
        except);
  }

  void insertStateChange(SiteStateChange change) {
    jdbc.update("""
        insert into site_state_history (site, from_state, to_state, changed_by, changed_at, run)
        values (?, ?, ?, ?, ?, ?)""", change.site(), change.from() == null ? null : change.from().name(),
        change.to().name(), change.changedBy(), Timestamp.from(change.changedAt()), change.run());
  }

  List<SiteStateChange> stateChangesInRun(String run) {
    return jdbc.query("select * from site_state_history where run = ? order by id", this::stateChange, run);
  }

  /**
   * Rows of a table with columns {@code site} and {@code changed_at} that belong to the site's current
   * registration: not before its last registration, the row with no from_state (a name removed and
   * registered again keeps the rows of its earlier life in the tables, not in its history).
   */
  static final String SINCE_REGISTRATION = """
      changed_at >= (select max(r.changed_at) from site_state_history r
                     where r.site = %1$s.site and r.from_state is null)""";

  /** The life of {@code site} from its registration on, oldest first. */
  List<SiteStateChange> history(String site) {
    return jdbc.query("select * from site_state_history h where site = ? and "
        + SINCE_REGISTRATION.formatted("h") + " order by changed_at, id", this::stateChange, site);
  }

  /** The histories of all registered sites, by site name: one query, however many sites. */
  Map<String, List<SiteStateChange>> histories() {
    Map<String, List<SiteStateChange>> bySite = new HashMap<>();
    jdbc.query("""
        select h.* from site_state_history h join site s on s.name = h.site
        where %s
        order by h.changed_at, h.id""".formatted(SINCE_REGISTRATION.formatted("h")), (ResultSet rs) -> {
          SiteStateChange change = stateChange(rs, 0);
          bySite.computeIfAbsent(change.site(), site -> new ArrayList<>()).add(change);
        });
    return bySite;
  }

  // from_state is null on the row of the registration.
  private SiteStateChange stateChange(ResultSet rs, int row) throws SQLException {
    String from = rs.getString("from_state");
    return new SiteStateChange(rs.getString("site"), from == null ? null : SiteState.valueOf(from),
        SiteState.valueOf(rs.getString("to_state")), rs.getString("changed_by"),
        rs.getTimestamp("changed_at").toInstant(), rs.getString("run"));
  }

  private void insertCommands(String site, String action, List<List<String>> commands) {
    for (int seq = 0; seq < commands.size(); seq++) {
      jdbc.update("insert into site_service_command (site, action, seq, argv_json) values (?, ?, ?, ?)",
          site, action, seq, write(commands.get(seq)));
    }
  }

  // Testers and commands are read after the site rows, so that no query runs inside another.
  private List<Site> sites(String sql, Object... args) {
    return jdbc.query(sql, this::row, args).stream().map(this::complete).toList();
  }

  private Site row(ResultSet rs, int row) throws SQLException {
    return new Site(rs.getString("name"),
        Path.of(rs.getString("root")),
        Path.of(rs.getString("directory")),
        SiteState.valueOf(rs.getString("state")),
        null,
        DatabaseKind.valueOf(rs.getString("database_kind")),
        rs.getBoolean("uses_elastic"),
        rs.getString("contact"),
        List.of(),
        rs.getString("url"),
        rs.getString("release_notes_url"),
        rs.getBoolean("four_eyes"),
        rs.getString("archived_to") == null ? null : Path.of(rs.getString("archived_to")),
        rs.getString("host"));
  }

  private Site complete(Site row) {
    List<String> testers = jdbc.queryForList(
        "select user_id from site_tester where site = ? order by user_id", String.class, row.name());
    return new Site(row.name(), row.root(), row.directory(), row.state(), commands(row.name()),
        row.databaseKind(), row.usesElastic(), row.contact(), testers, row.url(), row.releaseNotesUrl(),
        row.fourEyes(), row.archivedTo(), row.host());
  }

  private ServiceCommands commands(String site) {
    Map<String, List<List<String>>> byAction = Map.of(
        STOP, new ArrayList<>(), START, new ArrayList<>(), RESTART_WEB, new ArrayList<>());
    jdbc.query("select action, argv_json from site_service_command where site = ? order by action, seq",
        rs -> { byAction.get(rs.getString("action")).add(read(rs.getString("argv_json"))); }, site);
    return new ServiceCommands(byAction.get(STOP), byAction.get(START), byAction.get(RESTART_WEB));
  }

  private String write(List<String> argv) {
    try {
      return json.writeValueAsString(argv);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a command as JSON: " + argv, e);
    }
  }

  private List<String> read(String argvJson) {
    try {
      return json.readValue(argvJson, ARGV);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Corrupt command in site_service_command: " + argvJson, e);
    }
  }
}
