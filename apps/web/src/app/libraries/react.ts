// main.tsx runs the signed-in app's libraries one per task, importing each through one of these files
// (named exports, so that the bundle keeps only what the app uses).
export { createRoot } from 'react-dom/client';
