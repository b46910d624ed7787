import { defineConfig } from '@hey-api/openapi-ts';

// The typed client is generated from the committed contract (`make openapi`); never edited.
export default defineConfig({
  input: '../openapi/openapi.json',
  output: 'src/client',
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
});
