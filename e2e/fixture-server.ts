/** The dev server that also serves e2e/fixtures/lessons (a broken lesson, a hostile one). */
export const FIXTURE_SERVER = "http://127.0.0.1:5174";
