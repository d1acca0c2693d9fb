/**
 * Paints the page itself in the theme's colours: the body's background and the browser's colour
 * scheme (scrollbars, native controls). Without it, a screen drawn outside the shell's layout (the
 * connection screen, a crash boundary) kept the browser's white page under dark-theme text, which
 * left the text white on white.
 */
import { theme } from 'antd';
import { useEffect } from 'react';

export function DocumentTheme({ dark }: { dark: boolean }) {
  const { token } = theme.useToken();
  useEffect(() => {
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
    document.body.style.backgroundColor = token.colorBgContainer;
    document.body.style.color = token.colorText;
  }, [dark, token.colorBgContainer, token.colorText]);
  return null;
}
