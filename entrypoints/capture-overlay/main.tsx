import { render } from 'preact';
import '@/components/theme.css';
import './overlay.css';
import { OverlayApp } from './OverlayApp';

render(<OverlayApp />, document.getElementById('app')!);
