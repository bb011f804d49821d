export { pure as default } from '@congkhai/eslint-config';
