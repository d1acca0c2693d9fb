/**
 * The two antd themes. antd's default secondary text (black at 45 %), its primary blue on light
 * blue and its green/red/gold status colours fall under the WCAG AA contrast ratio of 4.5:1 that
 * tests/e2e/views-a11y.spec.ts holds every view to; these tokens are the darker (light theme) and
 * lighter (dark theme) shades of the same palettes that pass it.
 */
import { theme as antTheme, type ThemeConfig } from 'antd';

export const LIGHT_THEME: ThemeConfig = {
  algorithm: antTheme.defaultAlgorithm,
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorSuccess: '#237804',
    colorInfo: '#0958d9',
    colorError: '#cf1322',
    colorWarning: '#874d00',
    // antd derives tag/alert backgrounds from the seed colour; from these darker seeds they turn
    // muddy, so the light backgrounds and borders of the default palette are kept explicitly.
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    // Empty-list text and disabled labels; antd's 25 % is unreadable.
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
  },
};

export const DARK_THEME: ThemeConfig = {
  algorithm: antTheme.darkAlgorithm,
  token: {
    colorPrimary: '#1668dc',
    colorLink: '#69b1ff',
    colorSuccess: '#73d13d',
    colorInfo: '#69b1ff',
    colorError: '#ff7875',
    colorWarning: '#ffc53d',
    colorTextSecondary: 'rgba(255, 255, 255, 0.72)',
    colorTextTertiary: 'rgba(255, 255, 255, 0.68)',
    colorTextDescription: 'rgba(255, 255, 255, 0.68)',
    colorTextPlaceholder: 'rgba(255, 255, 255, 0.6)',
    colorTextQuaternary: 'rgba(255, 255, 255, 0.56)',
  },
  components: {
    // Selected tabs draw their label in the primary colour, too dark on the dark background.
    Tabs: { itemSelectedColor: '#69b1ff', itemHoverColor: '#91caff', inkBarColor: '#69b1ff' },
    // Outlined primary and danger buttons draw their label in the colour itself, which must be light
    // on the dark background (#1668dc gave 3.5:1); the solid ones then carry dark text on it.
    Button: { colorPrimary: '#69b1ff', colorPrimaryHover: '#91caff', colorPrimaryActive: '#4096ff', primaryColor: '#141414', dangerColor: '#141414' },
  },
};
