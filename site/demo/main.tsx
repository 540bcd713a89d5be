import { render } from 'preact';
import { DemoApp } from './DemoApp';

const mount = document.getElementById('demo-app')!;
mount.textContent = '';
render(<DemoApp />, mount);
