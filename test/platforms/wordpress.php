<?php
// Debian's WordPress, unmodified, run from the command line on a throwaway database
// (test/platforms/wordpress.test.mjs). `install` sets the site up; `render` writes a post holding
// each card URL on its own line, then prints the page a reader gets: the post through
// the_content (oEmbed discovery, fetch, sanitizer) and the footer scripts (wp-embed.js).
// Loopback is reached only through WordPress's documented filters.
[$mode, $socket, $home] = [$argv[1], getenv('WP_DB_SOCKET'), getenv('WP_HOME')];
$url = parse_url($home);
$_SERVER['HTTP_HOST'] = $url['host'] . ':' . $url['port'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = $url['host'];
$_SERVER['REQUEST_METHOD'] = 'GET';
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', "localhost:$socket");
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', $home);
define('WP_SITEURL', $home);
define('WP_DEBUG', false);
define('ABSPATH', '/usr/share/wordpress/');
$table_prefix = 'wp_';
if ($mode === 'install') define('WP_INSTALLING', true);
require ABSPATH . 'wp-settings.php';

if ($mode === 'install') {
  require_once ABSPATH . 'wp-admin/includes/upgrade.php';
  if (!is_blog_installed()) wp_install('Newsroom', 'editor', 'editor@example.com', true, '', wp_generate_password());
  exit(0);
}

// The card service runs on loopback: WordPress refuses it unless told it is external, on its port.
$card_port = (int) getenv('CARD_PORT');
add_filter('http_request_host_is_external', function ($external, $host) { return $external || $host === '127.0.0.1'; }, 10, 2);
add_filter('http_allowed_safe_ports', function ($ports) use ($card_port) { return array_merge($ports, [$card_port]); });

// The theme's column: WordPress asks oEmbed for maxwidth = $content_width.
$GLOBALS['content_width'] = (int) getenv('WP_COLUMN');
$urls = json_decode(getenv('CARD_URLS'), true);
$body = "<p>Xiaomi said on Thursday it would build electric cars.</p>\n\n" . implode("\n\n", $urls) . "\n\n<p>More follows.</p>";
$id = wp_insert_post(['post_title' => 'Xiaomi enters EVs', 'post_content' => $body, 'post_status' => 'publish'], true);
if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
$GLOBALS['post'] = get_post($id);
setup_postdata($GLOBALS['post']);
$content = apply_filters('the_content', get_the_content());
$column = (int) getenv('WP_COLUMN');
?>
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Xiaomi enters EVs</title></head>
<body style="margin:0"><main class="entry-content" style="width:<?= $column ?>px;margin:0 8px"><?= $content ?></main>
<?php wp_print_footer_scripts(); ?>
</body></html>
