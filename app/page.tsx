export default function HomePage() {
  return (
    <main>
      <h1>DNC Console</h1>
      <p>
        The Do Not Contact API is served under <code>/api/v1</code> and <code>/v1</code>. Its OpenAPI 3.1 document is
        at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
    </main>
  );
}
