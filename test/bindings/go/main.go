// Go smoke app: one DEVELOPMENT tenant and one validation failure, from the built Go module. The
// same inputs as test/bindings/reference.ts. Writes <outdir>/template.json (the synthesized
// template, read through the binding) and <outdir>/error.txt (the validation error's message).
//
// Usage (from test/bindings/go): go run . <outdir>
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-tenant-blocks/cdk-tenant-blocks-go/cdktenantblocks"
)

func main() {
	defer jsii.Close()
	outDir := "out"
	if len(os.Args) > 1 {
		outDir = os.Args[1]
	}
	env := &awscdk.Environment{Account: jsii.String("123456789012"), Region: jsii.String("us-east-1")}
	// The VPC looks up the region's availability zones: seed them, so synth needs no AWS credentials.
	context := &map[string]interface{}{
		"availability-zones:account=123456789012:region=us-east-1": []string{
			"us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f",
		},
	}

	// One DEVELOPMENT tenant: key, network, database, function, and the platform's link.
	app := awscdk.NewApp(&awscdk.AppProps{Context: context, AnalyticsReporting: jsii.Bool(false)})
	stack := awscdk.NewStack(app, jsii.String("AcmeTenant"), &awscdk.StackProps{Env: env})
	tenantID := jsii.String("acme")
	tier := cdktenantblocks.TenantTier_DEVELOPMENT

	key := cdktenantblocks.NewTenantKey(stack, jsii.String("Key"), &cdktenantblocks.TenantKeyProps{
		TenantId: tenantID,
		Tier:     tier,
	})
	network := cdktenantblocks.NewTenantNetwork(stack, jsii.String("Network"), &cdktenantblocks.TenantNetworkProps{
		TenantId:      tenantID,
		Tier:          tier,
		EncryptionKey: key,
	})
	database := cdktenantblocks.NewTenantPostgres(stack, jsii.String("Database"), &cdktenantblocks.TenantPostgresProps{
		TenantId:        tenantID,
		Tier:            tier,
		Network:         network,
		EncryptionKey:   key,
		MaxCapacity:     jsii.Number(4),
		BackupRetention: awscdk.Duration_Days(jsii.Number(7)),
		MaintenanceWindow: cdktenantblocks.MaintenanceWindow_Weekly(
			cdktenantblocks.DayOfWeek_SUNDAY, jsii.Number(3), jsii.Number(0), awscdk.Duration_Minutes(jsii.Number(60))),
	})
	codeDir, err := filepath.Abs(filepath.Join("..", "app-code"))
	check(err)
	fn := cdktenantblocks.NewTenantFunction(stack, jsii.String("Api"), &cdktenantblocks.TenantFunctionProps{
		TenantId:      tenantID,
		Tier:          tier,
		Network:       network,
		EncryptionKey: key,
		Code:          cdktenantblocks.TenantFunctionCode_FromAsset(jsii.String(codeDir)),
		Handler:       jsii.String("index.handler"),
		MemorySize:    jsii.Number(512),
		Timeout:       awscdk.Duration_Seconds(jsii.Number(10)),
		Environment:   &map[string]*string{"GREETING": jsii.String("hello")},
		Database:      database,
	})
	link := cdktenantblocks.NewCrossAccountLink(stack, jsii.String("Link"), &cdktenantblocks.CrossAccountLinkProps{
		TenantId:          tenantID,
		PlatformAccountId: jsii.String("210987654321"),
		PlatformRoleArns:  jsii.Strings("arn:aws:iam::210987654321:role/platform-console"),
		ExternalId:        jsii.String("acme-7f3c9a2e-5b1d-4e8f-a6c0-2d9b4e1f8a73"),
	})
	link.AllowQuery(database)
	link.AllowInvoke(fn)

	check(os.MkdirAll(outDir, 0o755))
	template := app.Synth(nil).GetStackByName(jsii.String("AcmeTenant")).Template()
	body, err := json.MarshalIndent(template, "", "  ")
	check(err)
	check(os.WriteFile(filepath.Join(outDir, "template.json"), body, 0o644))

	// One validation failure: every problem of the props in one error, nothing created.
	message := validationError(func() {
		invalid := awscdk.NewStack(awscdk.NewApp(&awscdk.AppProps{Context: context}), jsii.String("Invalid"), &awscdk.StackProps{Env: env})
		cdktenantblocks.NewTenantPostgres(invalid, jsii.String("Database"), &cdktenantblocks.TenantPostgresProps{
			TenantId:          tenantID,
			Tier:              tier,
			MaxCapacity:       jsii.Number(1000),
			BackupRetention:   awscdk.Duration_Hours(jsii.Number(36)),
			MaintenanceWindow: cdktenantblocks.MaintenanceWindow_FromString(jsii.String("sun:18:00-sun:18:10")),
			AllowedCidrs:      jsii.Strings("0.0.0.0/0"),
		})
	})
	check(os.WriteFile(filepath.Join(outDir, "error.txt"), []byte(message), 0o644))
	fmt.Println(message)
}

// validationError runs build and returns the message of the error the library throws: a
// JavaScript error arrives in Go as a panic whose value is an error.
func validationError(build func()) (message string) {
	defer func() {
		r := recover()
		if r == nil {
			panic("expected TenantPostgres to reject the props")
		}
		if e, ok := r.(error); ok {
			message = e.Error()
		} else {
			message = fmt.Sprint(r)
		}
	}()
	build()
	return ""
}

func check(err error) {
	if err != nil {
		panic(err)
	}
}
