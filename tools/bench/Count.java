import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/** Prints how many articles PostgreSQL holds; used by service-rss.sh to know when the pipeline is done. */
public class Count {
  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(args[0], "postgres", "");
        ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM articles")) {
      r.next();
      System.out.println(r.getLong(1));
    }
  }
}
