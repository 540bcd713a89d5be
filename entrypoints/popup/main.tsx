import { render } from 'preact';
import '@/components/theme.css';
import { PopupApp } from './PopupApp';

render(<PopupApp />, document.getElementById('app')!);
