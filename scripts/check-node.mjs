// Fails fast under an old Node. Plain JavaScript with no imports so that any Node can run it.
const REQUIRED = [22, 12, 0];

/** True when `version` ("v24.1.0" or "24.1.0") is at least the required Node version. */
export function isSupportedNode(version) {
  const parts = String(version).replace(/^v/, "").split(".").map(Number);
  for (let i = 0; i < REQUIRED.length; i += 1) {
    const have = parts[i] || 0;
    if (have !== REQUIRED[i]) return have > REQUIRED[i];
  }
  return true;
}

/** The message shown when Node is too old. */
export function unsupportedNodeMessage(version) {
  return [
    `AIGVE Leaderboard needs Node >= ${REQUIRED.join(".")}, but this is Node ${version}.`,
    "`npm install` provides Node 24 in node_modules/.bin, and the npm scripts (npm start, npm test,",
    "npm run build, npm run submit) use it automatically. Run the project through them, or put",
    "node_modules/.bin first on your PATH.",
  ].join("\n");
}

if (!isSupportedNode(process.versions.node)) {
  console.error(unsupportedNodeMessage(process.version));
  process.exit(1);
}
