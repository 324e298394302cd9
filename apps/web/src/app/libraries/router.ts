// See react.ts beside this file.
export { createBrowserRouter } from 'react-router';
export { RouterProvider } from 'react-router/dom';
