CREATE TABLE `anchor_agreements` (
	`benchmark_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`perspective_id` text NOT NULL,
	`rater` text NOT NULL,
	`anchors` integer NOT NULL,
	`agreement` real NOT NULL,
	`ci_low` real,
	`ci_high` real,
	PRIMARY KEY(`benchmark_id`, `entry_id`, `perspective_id`, `rater`)
);
--> statement-breakpoint
CREATE TABLE `anchor_checks` (
	`benchmark_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`perspective_id` text NOT NULL,
	`lack_of_fit_f` real,
	`lack_of_fit_df` integer,
	`lack_of_fit_p` real,
	`reliability` real,
	`panel_raters` real NOT NULL,
	`ceiling` real,
	`entry_mean` real,
	`anchor_low` real NOT NULL,
	`anchor_high` real NOT NULL,
	PRIMARY KEY(`benchmark_id`, `entry_id`, `perspective_id`)
);
--> statement-breakpoint
CREATE TABLE `anchor_flags` (
	`benchmark_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`perspective_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`message` text NOT NULL,
	PRIMARY KEY(`benchmark_id`, `entry_id`, `perspective_id`, `kind`, `subject`)
);
--> statement-breakpoint
ALTER TABLE `perspectives` ADD `range_min` real;--> statement-breakpoint
ALTER TABLE `perspectives` ADD `range_max` real;