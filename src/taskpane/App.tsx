/** The task pane's root component: what the user sees when they open Session Counting. */
import { FluentProvider, Text, Title2, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  title: {
    margin: 0,
  },
});

export function App() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title2 as="h1" className={styles.title}>
          Session Counting
        </Title2>
        <Text>Open a workbook with Clients, Tracking and Sessions sheets, then refresh.</Text>
      </main>
    </FluentProvider>
  );
}
