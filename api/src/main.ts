import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  // Once listening, a server error concerns one connection (e.g. EMFILE while accepting it): log it, keep serving.
  app.getHttpServer().on('error', (error: Error) => {
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'HTTP server error', error: error.message })}\n`);
  });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'listening', url: `http://${config.host}:${port}`, database: config.database.kind })}\n`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`Jianyan failed to start: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
