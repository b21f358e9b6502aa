package dev.vigil.collector.incident.store;

/** The store's behaviour on a real PostgreSQL (see {@link TestPostgres}), a schema per test. */
class PostgresIncidentStoreTest extends IncidentStoreContract {
  @Override
  String newLocation() {
    return TestPostgres.freshSchema();
  }

  @Override
  void deleteLocation(String location) {
    TestPostgres.dropSchema(location);
  }
}
