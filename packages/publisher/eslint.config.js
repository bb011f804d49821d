export { default } from '@congkhai/eslint-config';
