// Stand-in for the `server-only` guard: tests run on the server side already.
export {};
